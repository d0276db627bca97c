/**
 * Services every state change goes through: {@link org.opsbench.core.security.AccessControl} (permission checks),
 * {@link org.opsbench.core.security.AuditLog} (append-only audit trail) and
 * {@link org.opsbench.core.security.SecretStore} (credentials by alias). The security area implements them; every other
 * area only calls them.
 */
package org.opsbench.core.security;
