package org.opsbench.ssh.internal;

import org.opsbench.ssh.SshFailure;

/** Carries a classified failure out of the connection code; becomes a {@code Failed} result at the service edge. */
final class FailureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SshFailure failure;

    FailureException(SshFailure failure) {
        super(failure.reason(), null, false, false);
        this.failure = failure;
    }

    FailureException(SshFailure.Kind kind, String reason) {
        this(SshFailure.of(kind, reason));
    }

    SshFailure failure() {
        return failure;
    }
}
