package org.opsbench.monitoring.internal.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the metric store, PID {@value MetricStoreComponent#PID}. Keep
 * {@code OSGI-INF/metatype/org.opsbench.monitoring.metrics.xml} in step: Tycho generates DS XML from annotations, not
 * metatype XML.
 */
@ObjectClassDefinition(id = MetricStoreComponent.PID, name = "Opsbench metric store", description = "Retention of the time series per resolution")
public @interface MetricStoreConfig {

    @AttributeDefinition(name = "Raw retention (days)", description = "Days every sample is kept", min = "1")
    int rawRetentionDays() default 7;

    @AttributeDefinition(name = "5-minute rollup retention (days)", description = "Days the 5-minute min/max/avg are kept", min = "1")
    int fiveMinuteRetentionDays() default 90;

    @AttributeDefinition(name = "1-hour rollup retention (days)", description = "Days the hourly min/max/avg are kept", min = "1")
    int oneHourRetentionDays() default 730;
}
