/**
 * Alert rule tests, like {@code promtool test rules}: a line-oriented file format (see
 * {@code docs/alert-rule-tests.md}) declaring hosts, checks, notification rules, maintenance windows, acknowledgements,
 * given results over time and the alerts expected at evaluation times, and a runner that feeds the real
 * {@link org.opsbench.monitoring.internal.engine.Engine} on a simulated clock and prints the difference.
 * {@link org.opsbench.monitoring.internal.rules.RuleTests} is the entry point. Internal: the console command
 * {@code monitoring:test-rules} and the tests use it.
 */
package org.opsbench.monitoring.internal.rules;
