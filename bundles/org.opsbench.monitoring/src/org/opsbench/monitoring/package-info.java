/**
 * Monitoring, provisional (0.3.0; 0.3.0 added {@link org.opsbench.monitoring.Monitoring#metrics}). The services:
 * {@link org.opsbench.monitoring.MonitoringAdmin} (hosts, checks, notification rules) and
 * {@link org.opsbench.monitoring.Monitoring} (states, problems, acknowledgements, downtimes, history, alert log,
 * availability, metric history with a permission check); the metric store itself is in
 * {@link org.opsbench.monitoring.metrics}. The engine parts: Nagios plugin output and performance data
 * ({@link org.opsbench.monitoring.PluginOutput}, {@link org.opsbench.monitoring.Perfdata}), and the state machine that
 * turns check results into SOFT/HARD states, host reachability and flapping
 * ({@link org.opsbench.monitoring.StateMachine}).
 * <p>
 * Check types are {@link org.opsbench.core.spi.CheckType} services; hard state changes are posted on
 * {@link org.opsbench.core.events.Topics#MONITORING_STATE_CHANGED} through a
 * {@link org.opsbench.monitoring.StateChangePublisher}.
 */
package org.opsbench.monitoring;
