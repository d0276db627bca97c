package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL dialect of the shared database. Migration scripts are written once, in Derby SQL; on PostgreSQL each
 * statement is translated before it runs: {@code VARCHAR(n) FOR BIT DATA} and {@code BLOB(..)} become {@code BYTEA},
 * {@code CLOB(..)} and {@code LONG VARCHAR} become {@code TEXT}, {@code DOUBLE} becomes {@code DOUBLE PRECISION}, and
 * Derby's {@code RENAME TABLE a TO b} / {@code RENAME COLUMN t.a TO b} become {@code ALTER TABLE} statements. Text in
 * quotes is never touched. The checksum of a migration is taken over the script as written, so one history serves both
 * databases.
 */
public enum SqlDialect {

    /** Apache Derby (embedded or network): the dialect the scripts are written in. */
    DERBY,
    /** PostgreSQL. */
    POSTGRESQL,
    /** Any other database: scripts run as written. */
    OTHER;

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final List<Rule> TO_POSTGRES = List.of(
            new Rule(Pattern.compile("\\b(?:LONG\\s+)?VARCHAR\\s*(?:\\(\\s*\\d+\\s*\\))?\\s+FOR\\s+BIT\\s+DATA\\b",
                    FLAGS), "BYTEA"),
            new Rule(Pattern.compile("\\bBLOB\\b(?:\\s*\\(\\s*\\d+\\s*[KMG]?\\s*\\))?", FLAGS), "BYTEA"),
            new Rule(Pattern.compile("\\bCLOB\\b(?:\\s*\\(\\s*\\d+\\s*[KMG]?\\s*\\))?", FLAGS), "TEXT"),
            new Rule(Pattern.compile("\\bLONG\\s+VARCHAR\\b", FLAGS), "TEXT"),
            new Rule(Pattern.compile("\\bDOUBLE\\b(?!\\s+PRECISION)", FLAGS), "DOUBLE PRECISION"),
            new Rule(Pattern.compile("^\\s*RENAME\\s+TABLE\\s+(\\w+)\\s+TO\\s+(\\w+)", FLAGS),
                    "ALTER TABLE $1 RENAME TO $2"),
            new Rule(Pattern.compile("^\\s*RENAME\\s+COLUMN\\s+(\\w+)\\.(\\w+)\\s+TO\\s+(\\w+)", FLAGS),
                    "ALTER TABLE $1 RENAME COLUMN $2 TO $3"));

    /** The dialect of the database behind {@code c}, from its product name. */
    public static SqlDialect of(Connection c) throws SQLException {
        return ofProduct(c.getMetaData().getDatabaseProductName());
    }

    /** The dialect for a JDBC product name such as {@code Apache Derby} or {@code PostgreSQL}. */
    public static SqlDialect ofProduct(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("derby")) {
            return DERBY;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    /** EclipseLink's {@code eclipselink.target-database} for this dialect, or {@code null} to let it detect. */
    public String eclipseLinkTarget() {
        return switch (this) {
            case DERBY -> "Derby";
            case POSTGRESQL -> "PostgreSQL";
            case OTHER -> null;
        };
    }

    /** {@code statement} (one Derby SQL statement of a migration script) in this dialect. */
    public String translate(String statement) {
        if (this != POSTGRESQL) {
            return statement;
        }
        StringBuilder out = new StringBuilder(statement.length() + 16);
        // code and quoted text alternate; only code is rewritten
        int i = 0;
        boolean first = true;
        while (i < statement.length()) {
            int quote = statement.indexOf('\'', i);
            int end = quote < 0 ? statement.length() : quote;
            out.append(rewrite(statement.substring(i, end), first));
            first = false;
            if (quote < 0) {
                break;
            }
            int close = quote + 1;
            while (true) {
                close = statement.indexOf('\'', close);
                if (close < 0) {
                    close = statement.length() - 1;
                    break;
                }
                if (close + 1 < statement.length() && statement.charAt(close + 1) == '\'') {
                    close += 2;
                    continue;
                }
                break;
            }
            out.append(statement, quote, close + 1);
            i = close + 1;
        }
        return out.toString();
    }

    private static String rewrite(String code, boolean startOfStatement) {
        String s = code;
        for (Rule rule : TO_POSTGRES) {
            if (rule.pattern.pattern().startsWith("^") && !startOfStatement) {
                continue;
            }
            Matcher m = rule.pattern.matcher(s);
            s = m.replaceAll(rule.replacement);
        }
        return s;
    }
}
