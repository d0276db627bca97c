package org.opsbench.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.persistence.Migration;
import org.osgi.framework.Bundle;

/** Reads the migration scripts {@code V<version>__<description>.sql} of a bundle folder. */
public final class ScriptLoader {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private ScriptLoader() {
    }

    /** The scripts of {@code folder} in {@code bundle}, ordered by version. */
    public static List<Migration> load(Bundle bundle, String folder) {
        var urls = bundle.findEntries(folder, "*.sql", false);
        if (urls == null || !urls.hasMoreElements()) {
            throw new IllegalArgumentException("no migration scripts V<version>__<description>.sql in folder '" + folder
                    + "' of bundle " + bundle.getSymbolicName() + " (is the folder in bin.includes?)");
        }
        List<Migration> migrations = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        for (URL url : Collections.list(urls)) {
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException("migration script '" + name + "' in bundle "
                        + bundle.getSymbolicName() + " is not named V<version>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            String other = names.put(version, name);
            if (other != null) {
                throw new IllegalArgumentException("migration scripts '" + other + "' and '" + name + "' in bundle "
                        + bundle.getSymbolicName() + " share version " + version);
            }
            migrations.add(Migration.sql(version, m.group(2).replace('_', ' '), read(url)));
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        return migrations;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + url, e);
        }
    }
}
