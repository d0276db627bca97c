package org.opsbench.security.ui.internal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * Runs service calls of the security views as Eclipse Jobs and hands the outcome back to the UI thread: the result, or
 * the error message (a refused permission reads "not allowed: ...").
 */
final class Background {

    private Background() {
    }

    /** Runs {@code work} as a Job named {@code name}; {@code user} jobs show in the Progress view. */
    static <T> void run(UISynchronize ui, String name, boolean user, Callable<T> work, Consumer<T> done,
            Consumer<String> failed) {
        Job job = Job.create(name, monitor -> {
            try {
                T result = work.call();
                ui.asyncExec(() -> done.accept(result));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.asyncExec(() -> failed.accept(message));
            }
            return Status.OK_STATUS;
        });
        job.setUser(user);
        job.setSystem(!user);
        job.schedule();
    }
}
