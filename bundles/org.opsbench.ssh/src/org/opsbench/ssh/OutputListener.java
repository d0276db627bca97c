package org.opsbench.ssh;

/**
 * Receives a remote command's output while it runs. Called on the connection's I/O thread: return quickly, never block
 * (hand long work to another thread), or every command sharing the connection stalls.
 */
public interface OutputListener {

    /** A chunk of standard output, decoded as UTF-8 (a character split across chunks is kept whole). */
    void stdout(String chunk);

    /** A chunk of standard error, decoded as UTF-8. */
    void stderr(String chunk);
}
