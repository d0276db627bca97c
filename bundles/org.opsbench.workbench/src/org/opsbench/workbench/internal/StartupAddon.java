package org.opsbench.workbench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.internal.handlers.ThemeHandler;
import org.osgi.service.event.Event;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Sets up what the whole workbench shares (the job progress model, the acting {@link Principal}) and, once the first
 * window is painted, records how long start-up took: in the log, and in the file named by the system property
 * {@code opsbench.startupReport} for the benchmark, which may also ask to close right after with
 * {@code opsbench.exitAfterStartup=true}.
 */
public class StartupAddon {

    private final JobProgressModel progress = new JobProgressModel();

    @Inject
    @Optional
    @Service
    LoggerFactory loggers;

    @PostConstruct
    void install(IEclipseContext context) {
        progress.install();
        context.set(JobProgressModel.class, progress);
        // who acts in this session; the security area replaces it with the logged-in user
        String login = System.getProperty("user.name", "local");
        context.set(Principal.class, Principal.user(login, login + " (local)"));
    }

    @PreDestroy
    void uninstall() {
        progress.uninstall();
    }

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            EModelService models, IWorkbench workbench, @Optional IThemeEngine themes) {
        if (themes != null && themes.getActiveTheme() != null) {
            ThemeHandler.selectMenuItem(app, models, themes.getActiveTheme().getId());
        }
        MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, app);
        if (window != null && window.getWidget() instanceof Shell shell) {
            // force outstanding paints, so the figure is "first painted window", not "window created"
            shell.update();
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (loggers != null) {
            Logger log = loggers.getLogger(StartupAddon.class);
            log.info("Workbench window painted {} ms after JVM start", uptime);
        }
        String report = System.getProperty("opsbench.startupReport");
        if (report != null) {
            try {
                Files.writeString(Path.of(report), "painted_ms=" + uptime + "\n");
            } catch (IOException e) {
                if (loggers != null) {
                    loggers.getLogger(StartupAddon.class).error("Cannot write start-up report {}", report, e);
                }
            }
        }
        if (Boolean.getBoolean("opsbench.exitAfterStartup")) {
            workbench.close();
        }
    }
}
