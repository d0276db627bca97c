package org.opsbench.security.ops;

import java.util.List;

/**
 * A package an advisory affects: its {@code ecosystem} as OSV names it ({@code Debian:12}, {@code Ubuntu:22.04},
 * {@code AlmaLinux:9}), its name, affected version ranges, explicitly listed versions, and the Debian urgency where the
 * advisory gives one.
 */
public record AffectedPackage(String ecosystem, String name, List<VersionRange> ranges, List<String> versions,
        String urgency) {

    /** Copies the lists. */
    public AffectedPackage {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        urgency = urgency == null ? "" : urgency;
    }
}
