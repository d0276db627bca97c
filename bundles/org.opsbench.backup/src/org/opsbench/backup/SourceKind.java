package org.opsbench.backup;

/** What a job backs up. */
public enum SourceKind {
    /** Paths on a host, streamed over SSH as a tar archive ({@code tar -cf - PATHS}). */
    PATHS,
    /** The standard output of a command on a host (for example a database dump). */
    COMMAND,
    /** Opsbench's own database, through an online Derby backup. */
    DATABASE
}
