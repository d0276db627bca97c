/** The backup area's tables through JPA; API records cross out of here. */
package org.opsbench.backup.internal.store;
