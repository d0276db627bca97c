package org.opsbench.assets.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opsbench.assets.LifecycleReports;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Posts {@code ASSETS_EXPIRY_WARNING} for each warranty or license that ends within {@value #DAYS} days: shortly after
 * start and then every 12 hours, each item and end date once per day of this runtime.
 */
@Component(service = ExpiryWatch.class, immediate = true)
public final class ExpiryWatch {

    /** How many days ahead it warns. */
    public static final int DAYS = 30;
    /** The principal the check runs as. */
    public static final Principal PRINCIPAL = Principal.system("assets");

    private final LifecycleReports reports;
    private final Changes changes;
    private final Set<String> posted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    /** Starts the schedule. */
    @Activate
    public ExpiryWatch(@Reference LifecycleReports reports, @Reference Changes changes) {
        this.reports = reports;
        this.changes = changes;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-assets-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                checkNow();
            } catch (RuntimeException e) {
                // the database may be going away; the next round tries again
            }
        }, 30, 12 * 3600, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /** Checks now; returns the warnings posted by this call. */
    public List<LifecycleReports.Expiry> checkNow() {
        String today = java.time.LocalDate.now(changes.clock()).toString();
        List<LifecycleReports.Expiry> fresh = reports.expiring(PRINCIPAL, DAYS).stream()
                .filter(e -> posted.add(today + "/" + e.item().id() + "/" + e.what() + "/" + e.ends())).toList();
        for (LifecycleReports.Expiry e : fresh) {
            String summary = e.what() + " of " + e.item().type() + " " + e.item().name()
                    + (e.daysLeft() < 0
                            ? " ended " + (-e.daysLeft()) + " days ago"
                            : " ends in " + e.daysLeft()
                                    + " days")
                    + " (" + e.ends() + ")";
            changes.post(Topics.ASSETS_EXPIRY_WARNING, PRINCIPAL, e.item(), summary, Map.of("expiry", e.what(),
                    "ends", e.ends().toString(), "days.left", e.daysLeft()));
        }
        return fresh;
    }
}
