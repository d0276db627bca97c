/**
 * The assets area (CMDB): configuration items with typed attributes, tags, groups and a lifecycle, relationships and
 * impact analysis, discovery with reconciliation and drift, CSV and Ansible inventory exchange, expiry warnings and
 * license compliance. Provisional API (0.x): it may still change between minor versions.
 * <p>
 * Every call takes the acting {@link org.opsbench.core.Principal}; writes check the permissions of
 * {@link org.opsbench.assets.AssetPermissions}, run in one transaction, are audited and posted as events.
 */
package org.opsbench.assets;
