/** The security operations tables through JPA; API records cross out of here. */
package org.opsbench.security.ops.internal.store;
