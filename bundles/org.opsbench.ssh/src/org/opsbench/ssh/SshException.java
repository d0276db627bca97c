package org.opsbench.ssh;

import java.util.Objects;

/** Thrown by the few {@link RemoteShell} methods that return a value rather than a result type. */
public class SshException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SshFailure failure;

    /** For {@code failure}; the message is the failure's reason. */
    public SshException(SshFailure failure) {
        super(Objects.requireNonNull(failure, "failure").reason());
        this.failure = failure;
    }

    /** What went wrong. */
    public SshFailure failure() {
        return failure;
    }
}
