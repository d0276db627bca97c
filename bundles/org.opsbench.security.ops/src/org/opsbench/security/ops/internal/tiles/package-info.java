/** The security operations dashboard tile. */
package org.opsbench.security.ops.internal.tiles;
