package org.opsbench.changes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the changes area (PID {@code org.opsbench.changes}). */
@ObjectClassDefinition(id = ChangesRuntime.PID, name = "Opsbench changes", description = "Approvals, execution and baseline comparison")
public @interface ChangesConfig {

    /** Approvals a normal change needs. */
    @AttributeDefinition(name = "Normal quorum", description = "Approvals a normal change needs from the change advisory board", min = "1")
    int normalQuorum() default 2;

    /** Approvals an emergency change needs (given before or after implementation). */
    @AttributeDefinition(name = "Emergency quorum", description = "Approvals an emergency change needs, before or after implementation", min = "1")
    int emergencyQuorum() default 1;

    /** Timeout of one step on one host. */
    @AttributeDefinition(name = "Step timeout (seconds)", description = "How long one step may run on one host", min = "1")
    int stepTimeoutSeconds() default 600;

    /** How often every baseline is compared; 0 switches scheduled comparison off. */
    @AttributeDefinition(name = "Baseline comparison interval (minutes)", description = "How often every baseline is compared with its host; 0: never", min = "0")
    int compareIntervalMinutes() default 60;
}
