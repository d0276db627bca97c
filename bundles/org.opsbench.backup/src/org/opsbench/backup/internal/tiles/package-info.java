/** The backup area's dashboard tile. */
package org.opsbench.backup.internal.tiles;
