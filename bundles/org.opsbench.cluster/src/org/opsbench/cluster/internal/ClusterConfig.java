package org.opsbench.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the cluster, PID {@value ClusterService#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.cluster.xml} in step: Tycho generates DS XML from annotations, not metatype
 * XML.
 */
@ObjectClassDefinition(id = ClusterService.PID, name = "Opsbench cluster", description = "Several processes on one database")
public @interface ClusterConfig {

    @AttributeDefinition(name = "Node name", description = "Shown to people; empty: the host name")
    String nodeName() default "";

    @AttributeDefinition(name = "Mode", description = "auto: alone on embedded Derby, shared on any other database", options = {
            @Option(label = "auto", value = "auto"), @Option(label = "solo", value = "solo"),
            @Option(label = "shared", value = "shared")})
    String mode() default "auto";

    @AttributeDefinition(name = "Lease time to live (s)", description = "A node that stops renewing loses its leases after this; renewed at a third of it", min = "3")
    int leaseSeconds() default 15;

    @AttributeDefinition(name = "Heartbeat (s)", description = "How often a node tells the others it is alive", min = "1")
    int heartbeatSeconds() default 5;

    @AttributeDefinition(name = "Node timeout (s)", description = "A node without a heartbeat this long is no longer counted live", min = "2")
    int nodeTimeoutSeconds() default 15;
}
