package org.opsbench.core.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of monitoring check (ping, TCP port, HTTP, SSH command, ...). Register an implementation as an OSGi service;
 * the monitoring area schedules it.
 */
@ConsumerType
public interface CheckType {

    /** A stable id, such as {@code tcp}; used in stored check definitions. */
    String id();

    /** A name for humans. */
    String displayName();

    /** The parameters a check of this type takes. */
    List<Parameter> parameters();

    /**
     * Runs one check. Must return within {@link CheckContext#timeout()} and report failures to reach the target as
     * {@link Health#UNKNOWN} or {@link Health#CRITICAL} results rather than throwing.
     *
     * @throws InterruptedException
     *             when the scheduler cancels the run
     */
    CheckResult run(CheckContext context) throws InterruptedException;
}
