package org.opsbench.persistence.internal;

import java.util.regex.Pattern;

/** Renders JDBC URLs for logs and messages. */
final class Urls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

    private Urls() {
    }

    /** {@code url} with any {@code password=} attribute masked. */
    static String safe(String url) {
        return PASSWORD.matcher(url).replaceAll("$1****");
    }
}
