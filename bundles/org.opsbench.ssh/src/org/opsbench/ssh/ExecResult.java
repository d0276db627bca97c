package org.opsbench.ssh;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link RemoteShell#exec}: the command ran to its end, or it could not. */
public sealed interface ExecResult permits ExecResult.Completed, ExecResult.Failed {

    /**
     * The remote command ran and ended; its exit code is given as is (non-zero is not a failure here).
     *
     * @param exitCode
     *            the remote command's exit status, or {@code -1} when the server reported none (the command was ended
     *            by a signal)
     * @param stdout
     *            standard output as UTF-8 text (see {@link RemoteShell} for how much is kept)
     * @param stderr
     *            standard error as UTF-8 text (see {@link RemoteShell} for how much is kept)
     * @param duration
     *            wall time of the whole call, including connecting when no session could be reused
     */
    record Completed(int exitCode, String stdout, String stderr, Duration duration) implements ExecResult {

        /** Validates the components. */
        public Completed {
            Objects.requireNonNull(stdout, "Completed.stdout");
            Objects.requireNonNull(stderr, "Completed.stderr");
            Objects.requireNonNull(duration, "Completed.duration");
        }
    }

    /**
     * The command could not run or did not end in time.
     *
     * @param failure
     *            why
     */
    record Failed(SshFailure failure) implements ExecResult {

        /** Validates the component. */
        public Failed {
            Objects.requireNonNull(failure, "Failed.failure");
        }
    }
}
