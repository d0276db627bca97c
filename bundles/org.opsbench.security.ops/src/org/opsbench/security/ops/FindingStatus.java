package org.opsbench.security.ops;

/** Where a finding stands. */
public enum FindingStatus {
    /** Present and not accepted. */
    OPEN,
    /** Present, and accepted as a risk until an expiry; then open again. */
    ACCEPTED,
    /** No longer present at the last scan. */
    FIXED
}
