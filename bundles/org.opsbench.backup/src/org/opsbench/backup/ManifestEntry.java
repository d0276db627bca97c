package org.opsbench.backup;

import java.time.Instant;

/**
 * One member of an archive, read from the tar stream while it passed.
 *
 * @param path
 *            the member's name in the archive (no leading slash)
 * @param type
 *            {@code file}, {@code dir}, {@code link} (symbolic), {@code hardlink} or {@code other}
 * @param size
 *            bytes of a file's content, 0 for others
 * @param mode
 *            permission bits, for example {@code 0644}
 * @param mtime
 *            modification time
 * @param sha256
 *            hex SHA-256 of a file's content, empty for others
 */
public record ManifestEntry(String path, String type, long size, int mode, Instant mtime, String sha256) {
}
