/**
 * The check types monitoring ships, each a {@link org.opsbench.core.spi.CheckType} service found by its
 * {@code checkType} property: {@code ping}, {@code tcp}, {@code http}, {@code ssh-command}, {@code ssh-metrics} and
 * {@code nagios} (local or over SSH). Their parameters are read by one parser per type, used both when a definition is
 * saved ({@link org.opsbench.monitoring.internal.checks.ValidatingCheckType}) and when it runs. The SSH ones share
 * {@link org.opsbench.monitoring.internal.checks.SshChecks} (target from the host's {@code ssh.*} parameters,
 * credential from the vault, failures turned into results). Internal.
 */
package org.opsbench.monitoring.internal.checks;
