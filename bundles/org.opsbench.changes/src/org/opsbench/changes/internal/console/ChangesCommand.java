package org.opsbench.changes.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;

/**
 * Base of the changes area's Gogo commands (scope {@code changes}). Gogo calls {@code _main} with the function's name
 * first. Every command acts as the principal of {@code opsbench:login} through the public services (which check the
 * permission and audit); an error is one line, {@code error: ...}, naming the bad argument.
 */
public abstract class ChangesCommand {

    static final String SCOPE = "osgi.command.scope=changes";

    /** Called by Gogo with the function's name first. */
    public Object _main(CommandSession session, String... args) {
        List<String> all = List.of(args);
        String function = functions().iterator().next();
        if (!all.isEmpty()) {
            String first = all.get(0);
            String bare = first.startsWith("changes:") ? first.substring("changes:".length()) : first;
            if (functions().contains(bare)) {
                function = bare;
                all = all.subList(1, all.size());
            }
        }
        try {
            return run(session, function, all);
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    abstract Set<String> functions();

    abstract Object run(CommandSession session, String function, List<String> args);

    static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    static String arg(List<String> args, int index, String usage) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(index);
    }

    /** {@code KEY=VALUE} arguments from {@code from} on; a key may repeat (its values in order). */
    static Map<String, List<String>> settings(List<String> args, int from, Set<String> keys) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String a : args.subList(Math.min(from, args.size()), args.size())) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + a + "': expected KEY=VALUE with KEY one of " + keys);
            }
            String key = a.substring(0, eq);
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown setting; known: " + keys);
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(a.substring(eq + 1));
        }
        return out;
    }

    static String one(Map<String, List<String>> s, String key, String otherwise) {
        List<String> v = s.get(key);
        return v == null || v.isEmpty() ? otherwise : v.get(v.size() - 1);
    }

    /** An instant: ISO-8601 ({@code 2026-12-02T10:00:00Z}), {@code now}, or {@code now+2h} / {@code now-30m}. */
    static Instant time(String field, String text) {
        try {
            if (text.equals("now")) {
                return Instant.now();
            }
            if (text.startsWith("now+") || text.startsWith("now-")) {
                Duration d = Duration.parse("PT" + text.substring(4).toUpperCase());
                return text.charAt(3) == '+' ? Instant.now().plus(d) : Instant.now().minus(d);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": an ISO-8601 time, now, or now+2h; was '" + text + "'");
        }
    }

    /** Left-aligned columns, two spaces apart. */
    static String table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
