package org.opsbench.extensions;

import java.time.Instant;

/**
 * A jar of the extensions folder that could not be installed, updated or started.
 *
 * @param file
 *            its file name
 * @param message
 *            why, for humans
 * @param at
 *            when it was tried
 */
public record Problem(String file, String message, Instant at) {
}
