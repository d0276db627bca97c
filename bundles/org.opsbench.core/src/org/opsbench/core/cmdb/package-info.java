/**
 * Resolution of configuration item references. The assets area implements
 * {@link org.opsbench.core.cmdb.ConfigurationItems}; other areas use it to name and describe the items they act on, and
 * keep working (with fewer details) when it is absent.
 */
package org.opsbench.core.cmdb;
