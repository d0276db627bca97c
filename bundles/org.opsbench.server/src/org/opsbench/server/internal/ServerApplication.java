package org.opsbench.server.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headless server: runs the same service bundles as the workbench, without SWT. It logs to
 * {@code <workspace>/logs/opsbench-server.log}, reports when every Opsbench component is up, and on SIGTERM stops the
 * OSGi framework in order (so that the database closes cleanly) before the JVM exits.
 */
public class ServerApplication implements IApplication {

    /** How long start-up may take before the server reports what is still missing. */
    static final long READY_TIMEOUT_MS = 60_000;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext appContext) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ServerApplication.class).getBundleContext();
        Path workspace = Workspace.of(context);
        ServerLog file = new ServerLog(workspace);
        ServiceTracker<LogReaderService, LogReaderService> readers = track(context, LogReaderService.class);
        LogReaderService reader = readers.getService();
        if (reader != null) {
            reader.addLogListener(file);
        }
        Logger log = logger(context);
        Thread hook = new Thread(() -> stopOnSignal(context, file), "opsbench-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        appContext.applicationRunning();

        Readiness.Report report = awaitReady(context);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (report.ready()) {
            log.info("Opsbench server ready {} ms after JVM start: {} bundles, {} components ({} active, {} "
                    + "satisfied), workspace {}", uptime, report.bundles(), report.components(), report.active(),
                    report.satisfied(), workspace);
        } else {
            log.warn("Opsbench server started {} ms after JVM start with problems: {}", uptime, report.problems());
        }
        writeStartupReport(uptime, report);

        stopRequested.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // stopped by the signal: the hook is running and closes the log itself
        }
        log.info("Opsbench server stopping");
        if (reader != null) {
            reader.removeLogListener(file);
        }
        readers.close();
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        stopRequested.countDown();
    }

    private Readiness.Report awaitReady(BundleContext context) throws InterruptedException {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr = track(context,
                ServiceComponentRuntime.class);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
            ServiceComponentRuntime runtime = scr.waitForService(READY_TIMEOUT_MS);
            if (runtime == null) {
                return new Readiness.Report(0, 0, 0, 0,
                        java.util.List.of("Declarative Services (Felix SCR) is not running"));
            }
            Readiness.Report report = Readiness.check(context, runtime);
            while (!report.ready() && System.nanoTime() < deadline) {
                Thread.sleep(10);
                report = Readiness.check(context, runtime);
            }
            return report;
        } finally {
            scr.close();
        }
    }

    private static void writeStartupReport(long uptime, Readiness.Report report) throws IOException {
        String target = System.getProperty("opsbench.startupReport");
        if (target != null) {
            Files.writeString(Path.of(target), "ready_ms=" + uptime + "\nready=" + report.ready() + "\n");
        }
    }

    /** SIGTERM: let the application return and stop the framework in order, then record that it did. */
    private void stopOnSignal(BundleContext context, ServerLog file) {
        long start = System.nanoTime();
        file.write(Instant.now() + " INFO  [org.opsbench.server] SIGTERM received, stopping the OSGi framework");
        stopRequested.countDown();
        try {
            Framework framework = (Framework) context.getBundle(0);
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            file.write(Instant.now() + (event.getType() == FrameworkEvent.WAIT_TIMEDOUT
                    ? " ERROR [org.opsbench.server] framework did not stop within 30 s"
                    : " INFO  [org.opsbench.server] stopped cleanly in " + ms + " ms"));
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            file.write(Instant.now() + " ERROR [org.opsbench.server] stop failed: " + e);
        } finally {
            file.close();
        }
    }

    private static Logger logger(BundleContext context) {
        ServiceTracker<LoggerFactory, LoggerFactory> factories = track(context, LoggerFactory.class);
        LoggerFactory factory = factories.getService();
        return factory.getLogger(context.getBundle(), ServerApplication.class.getName(), Logger.class);
    }

    private static <T> ServiceTracker<T, T> track(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        return tracker;
    }
}
