package org.opsbench.incidents;

import java.time.Instant;

/**
 * A file attached to a ticket (stored in the database; its content is read separately).
 *
 * @param id
 *            database id
 * @param name
 *            file name
 * @param contentType
 *            MIME type, {@code application/octet-stream} when unknown
 * @param size
 *            bytes
 * @param at
 *            when it was attached
 * @param author
 *            who attached it
 */
public record Attachment(long id, String name, String contentType, long size, Instant at, String author) {
}
