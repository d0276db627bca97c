package org.opsbench.ssh;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link RemoteShell#get} and {@link RemoteShell#put}. */
public sealed interface TransferResult permits TransferResult.Transferred, TransferResult.Failed {

    /**
     * All bytes were transferred.
     *
     * @param bytes
     *            how many bytes
     * @param duration
     *            wall time of the whole call
     */
    record Transferred(long bytes, Duration duration) implements TransferResult {

        /** Validates the components. */
        public Transferred {
            Objects.requireNonNull(duration, "Transferred.duration");
        }
    }

    /**
     * The transfer failed; a failed {@code put} leaves no file under the target name.
     *
     * @param failure
     *            why
     */
    record Failed(SshFailure failure) implements TransferResult {

        /** Validates the component. */
        public Failed {
            Objects.requireNonNull(failure, "Failed.failure");
        }
    }
}
