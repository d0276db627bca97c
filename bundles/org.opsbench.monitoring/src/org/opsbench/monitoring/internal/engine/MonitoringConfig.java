package org.opsbench.monitoring.internal.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the monitoring scheduler, PID {@value MonitoringRuntime#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.monitoring.xml} in step: Tycho generates DS XML from annotations, not metatype
 * XML.
 */
@ObjectClassDefinition(id = MonitoringRuntime.PID, name = "Opsbench monitoring", description = "How checks are run")
public @interface MonitoringConfig {

    @AttributeDefinition(name = "Concurrent checks", description = "Checks running at once, over all hosts", min = "1")
    int maxConcurrentChecks() default 256;

    @AttributeDefinition(name = "Concurrent checks per host", description = "Checks running at once against one host; a hung host never takes more", min = "1")
    int perHostConcurrentChecks() default 4;

    @AttributeDefinition(name = "Write interval (ms)", description = "Results, states and history are written in one batch this often", min = "10")
    int writeIntervalMillis() default 500;

    @AttributeDefinition(name = "Scheduling", description = "Run the checks on their schedule; off for a server that only serves the data")
    boolean scheduling() default true;
}
