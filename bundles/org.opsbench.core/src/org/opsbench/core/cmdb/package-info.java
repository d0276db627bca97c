/**
 * Resolution of configuration item references. The assets area implements
 * {@link org.opsbench.core.cmdb.ConfigurationItems}; other areas use it to name and describe the items they act on, and
 * keep working (with fewer details) when it is absent. Item types are data:
 * {@link org.opsbench.core.cmdb.CiTypeDeclaration} services declare {@link org.opsbench.core.cmdb.CiType types} and
 * their {@link org.opsbench.core.cmdb.CiAttribute attributes} (since 1.1.0).
 */
package org.opsbench.core.cmdb;
