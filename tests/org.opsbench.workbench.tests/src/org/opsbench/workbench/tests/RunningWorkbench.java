package org.opsbench.workbench.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.opsbench.workbench.WorkbenchIds;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.EventConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.event.EventHandler;

/**
 * Runs the real Opsbench E4 application in the test process and, once its window is up, hands the application model to
 * a scenario on the UI thread. The workbench closes when the scenario ends; what the scenario threw is rethrown by
 * {@link #run(Consumer)}.
 */
final class RunningWorkbench {

    private final Display display;
    private final List<Throwable> failures = new ArrayList<>();
    private boolean scenarioRan;

    private RunningWorkbench(Display display) {
        this.display = display;
    }

    /**
     * Starts the workbench in single-user mode (no login dialog), runs {@code scenario} with the running one, closes
     * it, and reports failures.
     */
    static void run(Consumer<Session> scenario) throws Exception {
        SecurityFixture.singleUser(true);
        runAsConfigured(scenario);
    }

    /** Like {@link #run(Consumer)}, with the security configuration the test has set (e.g. a real login). */
    static void runAsConfigured(Consumer<Session> scenario) throws Exception {
        RunningWorkbench wb = new RunningWorkbench(Display.getDefault());
        BundleContext context = FrameworkUtil.getBundle(RunningWorkbench.class).getBundleContext();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, UIEvents.UILifeCycle.APP_STARTUP_COMPLETE);
        EventHandler handler = event -> {
            MApplication app = (MApplication) event.getProperty(IEventBroker.DATA);
            wb.display.asyncExec(() -> {
                try {
                    scenario.accept(wb.new Session(app));
                } catch (Throwable t) {
                    wb.failures.add(t);
                } finally {
                    wb.scenarioRan = true;
                    app.getContext().get(IWorkbench.class).close();
                }
            });
        };
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, handler, props);
        // a hung scenario must not hang the build: close after two minutes whatever happens
        wb.display.timerExec(120_000, () -> {
            if (!wb.scenarioRan) {
                // say where everything stood, so that a hang can be understood from the build log
                StringBuilder dump = new StringBuilder("threads when the workbench did not start:\n");
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    dump.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                    for (StackTraceElement e : stack) {
                        dump.append("    at ").append(e).append('\n');
                    }
                });
                System.err.println(dump);
                wb.failures.add(new AssertionError("workbench did not finish starting within 120 s"));
                for (Shell s : wb.display.getShells()) {
                    s.dispose();
                }
            }
        });
        freshModelAssembler(context);
        try {
            new E4Application().start(new TestApplicationContext());
        } finally {
            reg.unregister();
        }
        if (!wb.scenarioRan && wb.failures.isEmpty()) {
            throw new AssertionError("the workbench closed before the start-up complete event");
        }
        if (!wb.failures.isEmpty()) {
            Throwable first = wb.failures.get(0);
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
    }

    /** The first widget under {@code root} named {@code id} with {@code WorkbenchIds.WIDGET_ID}, or null. */
    static Widget find(Control root, String id) {
        if (id.equals(root.getData(WorkbenchIds.WIDGET_ID))) {
            return root;
        }
        if (root instanceof org.eclipse.swt.widgets.Composite c) {
            for (Control child : c.getChildren()) {
                Widget w = find(child, id);
                if (w != null) {
                    return w;
                }
            }
        }
        return null;
    }

    /**
     * E4's ModelAssembler is a singleton component that merges the bundles' model fragments only on its first run; a
     * product starts the workbench once per JVM, these tests many times. A fresh instance per start, as in a product.
     */
    private static void freshModelAssembler(BundleContext context) throws Exception {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker = new ServiceTracker<>(context,
                ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(10_000);
            Bundle workbench = Arrays.stream(context.getBundles())
                    .filter(b -> "org.eclipse.e4.ui.workbench".equals(b.getSymbolicName())).findFirst().orElseThrow();
            ComponentDescriptionDTO assembler = scr.getComponentDescriptionDTO(workbench,
                    "org.eclipse.e4.ui.internal.workbench.ModelAssembler");
            if (assembler == null) {
                throw new AssertionError("E4 ModelAssembler component not found");
            }
            scr.disableComponent(assembler).getValue();
            scr.enableComponent(assembler).getValue();
        } finally {
            tracker.close();
        }
    }

    /** What a scenario can do with the running workbench. Every method runs on the UI thread. */
    final class Session {
        private final MApplication application;

        Session(MApplication application) {
            this.application = application;
        }

        MApplication application() {
            return application;
        }

        Display display() {
            return display;
        }

        /** Processes UI events until {@code condition} holds; fails after {@code timeoutMs}. */
        void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (!condition.getAsBoolean()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
        }

        /** Processes pending UI events. */
        void flush() {
            while (display.readAndDispatch()) {
                // drain
            }
        }

        /** The first widget under {@code root} named {@code id} with {@code WorkbenchIds.WIDGET_ID}, or null. */
        Widget find(Control root, String id) {
            return RunningWorkbench.find(root, id);
        }

        /** Saves what {@code shell} shows as a PNG under {@code target/screenshots}. */
        Path screenshot(Shell shell, String name) throws Exception {
            // GTK 3 paints on its frame clock, after SWT's own events: give it a few frames
            long until = System.currentTimeMillis() + 400;
            while (System.currentTimeMillis() < until) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(10);
                }
            }
            shell.update();
            Rectangle r = shell.getBounds();
            Image image = new Image(display, r.width, r.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, r.x, r.y);
            } finally {
                gc.dispose();
            }
            Path folder = Path.of(System.getProperty("opsbench.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[]{image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
            image.dispose();
            return file;
        }
    }
}
