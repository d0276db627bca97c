/** The {@link org.opsbench.backup.Backup} service: permission checks, validation, audit; and the permission set. */
package org.opsbench.backup.internal.service;
