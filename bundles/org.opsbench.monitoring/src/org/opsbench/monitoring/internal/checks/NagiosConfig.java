package org.opsbench.monitoring.internal.checks;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Nagios plugin check, PID {@value NagiosPluginCheck#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.monitoring.nagios.xml} in step: Tycho generates DS XML from annotations, not
 * metatype XML.
 */
@ObjectClassDefinition(id = NagiosPluginCheck.PID, name = "Opsbench Nagios plugin checks", description = "Runs monitoring-plugins style programs, locally or on the host over SSH")
public @interface NagiosConfig {

    @AttributeDefinition(name = "Plugin directories", description = "Only programs inside these directories may run (absolute paths)")
    String[] pluginDirectories() default {"/usr/lib/nagios/plugins"};
}
