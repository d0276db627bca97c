/**
 * The monitoring engine, provisional (0.1.0): Nagios plugin output and performance data
 * ({@link org.opsbench.monitoring.PluginOutput}, {@link org.opsbench.monitoring.Perfdata}), and the state machine that
 * turns check results into SOFT/HARD states, host reachability and flapping
 * ({@link org.opsbench.monitoring.StateMachine}).
 * <p>
 * Check types are {@link org.opsbench.core.spi.CheckType} services; hard state changes are posted on
 * {@link org.opsbench.core.events.Topics#MONITORING_STATE_CHANGED} through a
 * {@link org.opsbench.monitoring.StateChangePublisher}.
 */
package org.opsbench.monitoring;
