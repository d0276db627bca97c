/** The archive format: tar streams, their manifest, gzip, segmented AES-256-GCM, and a bounded pipe. */
package org.opsbench.backup.internal.archive;
