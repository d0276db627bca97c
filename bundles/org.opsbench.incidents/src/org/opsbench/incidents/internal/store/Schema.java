package org.opsbench.incidents.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    private Schema() {
    }

    /** Every migration of the area: the scripts in {@code folder} of {@code bundle} and the Java steps. */
    public static List<Migration> migrations(Bundle bundle, String folder) {
        List<Migration> all = new ArrayList<>(Migration.scripts(bundle, folder));
        for (Migration step : JAVA) {
            for (Migration script : all) {
                if (script.version() == step.version()) {
                    throw new IllegalArgumentException("migration script V" + script.version() + " ('"
                            + script.description() + "'): version " + step.version() + " is taken by another step");
                }
            }
            all.add(step);
        }
        all.sort(Comparator.comparingInt(Migration::version));
        return all;
    }
}
