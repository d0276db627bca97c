package org.opsbench.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;

/**
 * What the progress view and the status line show: the running Eclipse Jobs with their task and percentage, and the
 * last finished ones with their result. One instance lives in the application context, installed by
 * {@link StartupAddon}.
 */
public final class JobProgressModel extends ProgressProvider {

    /** A job as shown: name, current task, percent done (-1 when unknown), and its result once done. */
    public record JobRow(String name, String task, int percent, String state) {
    }

    private static final int FINISHED_KEPT = 20;

    private final Map<Job, Tracker> running = new ConcurrentHashMap<>();
    private final List<JobRow> finished = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final JobChangeAdapter jobListener = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            Tracker t = running.remove(event.getJob());
            if (t != null && !t.system) {
                IStatus result = event.getResult();
                String state = result == null
                        ? "done"
                        : switch (result.getSeverity()) {
                            case IStatus.OK -> "done";
                            case IStatus.CANCEL -> "cancelled";
                            case IStatus.ERROR -> "failed: " + result.getMessage();
                            default -> "done: " + result.getMessage();
                        };
                finished.add(0, new JobRow(t.name, "", 100, state));
                while (finished.size() > FINISHED_KEPT) {
                    finished.remove(finished.size() - 1);
                }
            }
            fire();
        }
    };

    /** Starts following the job manager. */
    public void install() {
        Job.getJobManager().setProgressProvider(this);
        Job.getJobManager().addJobChangeListener(jobListener);
    }

    /** Stops following the job manager. */
    public void uninstall() {
        Job.getJobManager().removeJobChangeListener(jobListener);
        Job.getJobManager().setProgressProvider(null);
    }

    /** Called (from any thread) whenever a row changes. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Running jobs first, then the recently finished ones. */
    public List<JobRow> rows() {
        List<JobRow> rows = new ArrayList<>();
        for (Tracker t : running.values()) {
            rows.add(t.row());
        }
        rows.addAll(finished);
        return rows;
    }

    /** The running job to show in the status line, or {@code null}. */
    public JobRow busiest() {
        return running.values().stream().filter(t -> !t.system).map(Tracker::row).findFirst().orElse(null);
    }

    @Override
    public IProgressMonitor createMonitor(Job job) {
        Tracker t = new Tracker(job.getName(), job.isSystem());
        running.put(job, t);
        return t;
    }

    private void fire() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    private final class Tracker extends NullProgressMonitor {
        private final boolean system;
        private volatile String name;
        private volatile String task = "";
        private volatile int total;
        private volatile double worked;

        Tracker(String name, boolean system) {
            this.name = name;
            this.system = system;
        }

        JobRow row() {
            int percent = total > 0 ? (int) Math.min(100, worked * 100 / total) : -1;
            return new JobRow(name, task, percent, isCanceled() ? "cancelling" : "running");
        }

        @Override
        public void beginTask(String taskName, int totalWork) {
            if (taskName != null && !taskName.isBlank()) {
                task = taskName;
            }
            total = totalWork;
            fire();
        }

        @Override
        public void subTask(String subTask) {
            task = subTask == null ? "" : subTask;
            fire();
        }

        @Override
        public void setTaskName(String taskName) {
            task = taskName == null ? "" : taskName;
            fire();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            fire();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }
    }
}
