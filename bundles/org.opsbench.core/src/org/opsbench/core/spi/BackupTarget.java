package org.opsbench.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A place backups are written to and read back from (local folder, SSH remote folder, object store). Register as an
 * OSGi service. Settings are the values of {@link #parameters()} for one configured target.
 */
@ConsumerType
public interface BackupTarget {

    /** A stored backup artifact. */
    record Stored(String name, long size, Instant time) {
    }

    /** A stable id, such as {@code local-dir}. */
    String id();

    /** A name for humans. */
    String displayName();

    /** The settings a target of this kind needs. */
    List<Parameter> parameters();

    /** Writes {@code data} under {@code name}; a partial write must not be left under that name. */
    void store(Map<String, String> settings, String name, InputStream data) throws IOException;

    /** Opens the artifact {@code name} for reading. */
    InputStream open(Map<String, String> settings, String name) throws IOException;

    /** The stored artifacts, newest first. */
    List<Stored> list(Map<String, String> settings) throws IOException;

    /** Deletes the artifact {@code name}; returns whether it existed. */
    boolean delete(Map<String, String> settings, String name) throws IOException;
}
