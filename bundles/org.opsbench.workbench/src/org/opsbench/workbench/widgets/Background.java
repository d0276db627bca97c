package org.opsbench.workbench.widgets;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * Runs a view's service call as an Eclipse Job, never on the UI thread, and hands the outcome back to the UI thread:
 * the result, or the failure (a refused permission reads "not allowed: ...", a refused definition names its field).
 *
 * @since 1.1.0
 */
public final class Background {

    private Background() {
    }

    /**
     * Runs {@code work} as a Job named {@code name}; {@code user} jobs are what the user started and show in the
     * Progress view and the status line, the others run as system jobs.
     *
     * @return the scheduled job
     */
    public static <T> Job run(UISynchronize ui, String name, boolean user, Callable<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        Job job = Job.create(name, monitor -> {
            try {
                T result = work.call();
                ui.asyncExec(() -> done.accept(result));
            } catch (Exception e) {
                ui.asyncExec(() -> failed.accept(e));
            }
            return Status.OK_STATUS;
        });
        job.setUser(user);
        job.setSystem(!user);
        job.schedule();
        return job;
    }

    /** The message of a failure for a message line: its own, or its type when it has none. */
    public static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
