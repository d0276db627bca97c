package org.opsbench.security.ops;

/**
 * Versions from {@code introduced} (inclusive; {@code "0"} means from the first) up to {@code fixed} (exclusive) or
 * {@code lastAffected} (inclusive); both empty means every later version is affected.
 */
public record VersionRange(String introduced, String fixed, String lastAffected) {

    /** Nulls become empty strings; an empty {@code introduced} becomes {@code "0"}. */
    public VersionRange {
        introduced = introduced == null || introduced.isBlank() ? "0" : introduced;
        fixed = fixed == null ? "" : fixed;
        lastAffected = lastAffected == null ? "" : lastAffected;
    }
}
