package org.opsbench.incidents.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.persistence.Migration;
import org.osgi.framework.Bundle;

/**
 * The incidents area's migrations: the SQL scripts {@code V<n>__<description>.sql} of the bundle's {@code migrations}
 * folder, written once for every database, and the Java steps below, which differ per database. One list, so that a run
 * applies them all in version order; a script and a Java step never share a version.
 */
public final class Schema {

    /**
     * V5: Derby's table function for the bulk CSV import ({@link ImportRows}); nothing on other databases. Created on a
     * Derby network server too, so that one history serves a database moved between both (unused there).
     */
    static final Migration V5 = Migration.java(5, "Derby table function INC_IMPORT_ROWS for the bulk CSV import",
            c -> {
                if (ImportRows.derby(c)) {
                    ImportRows.createFunction(c);
                }
            });

    private static final List<Migration> JAVA = List.of(V5);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private Schema() {
    }

    /** Every migration of the area: the scripts in {@code folder} of {@code bundle} and the Java steps. */
    public static List<Migration> migrations(Bundle bundle, String folder) {
        List<Migration> all = new ArrayList<>(JAVA);
        var urls = bundle.findEntries(folder, "V*.sql", false);
        for (URL url : urls == null ? List.<URL>of() : Collections.list(urls)) {
            String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException("migration script '" + name + "' is not named "
                        + "V<version>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (all.stream().anyMatch(s -> s.version() == version)) {
                throw new IllegalArgumentException("migration script '" + name + "': version " + version
                        + " is taken by another step");
            }
            all.add(Migration.sql(version, m.group(2).replace('_', ' '), read(url)));
        }
        all.sort(Comparator.comparingInt(Migration::version));
        return all;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + url, e);
        }
    }
}
