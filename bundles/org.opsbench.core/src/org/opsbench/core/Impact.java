package org.opsbench.core;

/** How widely an incident or change affects the business (ITIL impact). */
public enum Impact {
    /** Many users or a whole service. */
    HIGH,
    /** A group of users or a part of a service. */
    MEDIUM,
    /** One user or a non-essential function. */
    LOW
}
