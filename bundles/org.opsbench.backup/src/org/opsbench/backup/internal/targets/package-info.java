/** The shipped backup targets: a local folder and a folder on a host over SFTP. */
package org.opsbench.backup.internal.targets;
