/**
 * What the notifiers and the check types share: reading named settings and parameters with refusals that name them
 * ({@link org.opsbench.monitoring.internal.support.Values}), vault secrets by alias, cached until the vault changes
 * ({@link org.opsbench.monitoring.internal.support.VaultSecrets}), and TLS trust from a PEM file
 * ({@link org.opsbench.monitoring.internal.support.TrustedCertificates}).
 */
package org.opsbench.monitoring.internal.support;
