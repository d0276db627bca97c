/**
 * The monitoring area's Gogo console commands (scope {@code monitoring}): status, run now, acknowledgements,
 * maintenance windows, history, alert log, availability and alert rule tests. Each is a DS component registered under
 * {@link org.opsbench.monitoring.internal.console.MonitoringCommand} with {@code osgi.command.scope} and
 * {@code osgi.command.function}; Gogo finds them by those properties. Internal.
 */
package org.opsbench.monitoring.internal.console;
