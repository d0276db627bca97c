package org.opsbench.core;

/** How quickly the business needs a resolution (ITIL urgency). */
public enum Urgency {
    /** Work stops until it is resolved. */
    HIGH,
    /** Work goes on with difficulty. */
    MEDIUM,
    /** Work goes on; it can wait. */
    LOW
}
