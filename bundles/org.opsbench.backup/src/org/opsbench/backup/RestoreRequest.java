package org.opsbench.backup;

import java.util.List;

/**
 * Where and what to restore.
 *
 * @param runId
 *            the run whose archive is restored
 * @param host
 *            host to restore onto, empty for the job's own host
 * @param port
 *            SSH port, 0 for the job's
 * @param user
 *            SSH login, empty for the job's
 * @param credentialAlias
 *            vault alias of the credential, empty for the job's
 * @param destination
 *            folder to extract into; empty for the original location ({@code /}, the paths as backed up)
 * @param paths
 *            members to restore (archive names, or the original absolute paths), empty for all
 */
public record RestoreRequest(long runId, String host, int port, String user, String credentialAlias,
        String destination, List<String> paths) {

    /** Normalizes absent values. */
    public RestoreRequest {
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        credentialAlias = credentialAlias == null ? "" : credentialAlias;
        destination = destination == null ? "" : destination;
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** The whole archive of {@code runId} into {@code destination} on the job's host. */
    public static RestoreRequest into(long runId, String destination) {
        return new RestoreRequest(runId, "", 0, "", "", destination, List.of());
    }
}
