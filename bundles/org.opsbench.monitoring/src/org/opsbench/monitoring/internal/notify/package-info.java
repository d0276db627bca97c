/**
 * The notifiers monitoring ships ({@code log}, {@code webhook}, {@code smtp}), each an
 * {@link org.opsbench.core.spi.Notifier} service, and the vault access they share
 * ({@link org.opsbench.monitoring.internal.support.VaultSecrets}). Internal: other bundles find notifiers as services
 * by their {@code notifier} property.
 */
package org.opsbench.monitoring.internal.notify;
