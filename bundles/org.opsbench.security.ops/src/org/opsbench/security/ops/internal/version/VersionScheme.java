package org.opsbench.security.ops.internal.version;

import java.util.Locale;

/** The version order of an OSV ecosystem: dpkg's for Debian and Ubuntu, rpm's for the RPM distributions and others. */
public enum VersionScheme {
    /** dpkg's {@code verrevcmp}. */
    DEBIAN,
    /** rpm's {@code rpmvercmp}. */
    RPM;

    /** The scheme of an OSV ecosystem name such as {@code Debian:12} or {@code AlmaLinux:9}. */
    public static VersionScheme of(String ecosystem) {
        String family = family(ecosystem);
        return switch (family) {
            case "debian", "ubuntu" -> DEBIAN;
            default -> RPM;
        };
    }

    /** {@code Debian:12} to {@code debian}. */
    public static String family(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    /** {@code Debian:12} to {@code 12}; {@code ""} when the ecosystem names no release. */
    public static String release(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? "" : ecosystem.substring(colon + 1).strip();
    }

    /** A pre-parsed key of {@code version}: compare keys of one scheme with {@link #compare(Object, Object)}. */
    public Object key(String version) {
        return this == DEBIAN ? DebianVersion.parse(version) : RpmVersion.parse(version);
    }

    /** Compares two keys made by {@link #key(String)}. */
    public int compare(Object a, Object b) {
        return this == DEBIAN
                ? ((DebianVersion) a).compareTo((DebianVersion) b)
                : ((RpmVersion) a).compareTo((RpmVersion) b);
    }

    /** Compares two version strings. */
    public int compare(String a, String b) {
        return compare(key(a), key(b));
    }
}
