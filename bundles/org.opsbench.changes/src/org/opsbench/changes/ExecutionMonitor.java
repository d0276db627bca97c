package org.opsbench.changes;

/**
 * Follows an execution while it runs (a UI Job's progress, a console) and can cancel it. Called on the executing thread
 * except {@link #output}, which comes from the SSH connection's thread: return quickly.
 */
public interface ExecutionMonitor {

    /** Watches nothing and never cancels. */
    ExecutionMonitor NONE = new ExecutionMonitor() {
    };

    /** Step {@code step} of {@code total} starts on {@code host}. */
    default void starting(StepRun.Phase phase, int step, int total, String host, String command) {
    }

    /** Output of the running step. */
    default void output(String chunk) {
    }

    /** A step ended; {@code run} is what was stored. */
    default void ended(StepRun run) {
    }

    /** Whether to stop: checked before each step, and while one runs (it is then interrupted). */
    default boolean isCancelled() {
        return false;
    }
}
