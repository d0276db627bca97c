package org.opsbench.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Maintenance windows for changes, without knowing the changes area: when a change starts its implementation
 * ({@link Topics#CHANGES_STARTED}), every host whose CMDB item is one of the change's items (or, for a host without a
 * CMDB item, whose name is one of the items' names) gets a downtime until the change ends
 * ({@link Topics#CHANGES_ENDED}) or, at the latest, its window's planned end. The downtimes are ordinary ones, audited
 * as {@code system:changes}, with the comment {@code change <reference>: <summary>}, by which the end finds them again,
 * also after a restart.
 */
@Component(property = {EventConstants.EVENT_TOPIC + "=" + Topics.CHANGES_STARTED,
        EventConstants.EVENT_TOPIC + "=" + Topics.CHANGES_ENDED})
public final class ChangeWindows implements EventHandler {

    /** The window when a start names no end, or an end already past. */
    static final Duration DEFAULT_WINDOW = Duration.ofHours(4);
    static final Principal CHANGES = Principal.system("changes");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");

    private final Monitoring monitoring;
    private final MonitoringAdmin admin;
    private final Logger log;

    @Activate
    public ChangeWindows(@Reference Monitoring monitoring, @Reference MonitoringAdmin admin,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.monitoring = monitoring;
        this.admin = admin;
        this.log = log;
    }

    @Override
    public void handleEvent(Event event) {
        Object reference = event.getProperty(EventProperties.REFERENCE);
        if (!(reference instanceof String ref) || !REFERENCE.matcher(ref).matches()) {
            log.warn("ignored {} without a valid reference: {}", event.getTopic(), reference);
            return;
        }
        try {
            if (event.getTopic().equals(Topics.CHANGES_STARTED)) {
                start(ref, event, Instant.now());
            } else {
                end(ref, Instant.now());
            }
        } catch (RuntimeException e) {
            // a change must not fail because monitoring could not follow it; say so where operators look
            log.error("maintenance for change {} failed: {}", ref, e.getMessage(), e);
        }
    }

    /** Schedules the downtimes of change {@code ref}; returns them. Starting twice adds nothing. */
    List<Downtime> start(String ref, Event event, Instant now) {
        Set<String> ids = strings(event.getProperty(EventProperties.CI_IDS));
        Set<String> names = strings(event.getProperty(EventProperties.CI_NAMES));
        Instant end = event.getProperty(EventProperties.WINDOW_END) instanceof Long millis
                && Instant.ofEpochMilli(millis).isAfter(now) ? Instant.ofEpochMilli(millis) : now.plus(DEFAULT_WINDOW);
        String summary = event.getProperty(EventProperties.SUMMARY) instanceof String s ? s.strip() : "";
        if (summary.startsWith(ref + " ")) {
            // the comment names the change already
            summary = summary.substring(ref.length() + 1);
        }
        String comment = prefix(ref) + (summary.isEmpty() ? "in implementation" : summary);
        if (comment.length() > 2000) {
            comment = comment.substring(0, 1999) + "…";
        }
        List<Downtime> open = ofChange(ref, now);
        List<Downtime> scheduled = new ArrayList<>();
        for (HostDefinition host : admin.hosts(CHANGES)) {
            boolean affected = host.ciId() != null ? ids.contains(host.ciId()) : names.contains(host.name());
            CheckKey target = CheckKey.host(host.name());
            if (affected && open.stream().noneMatch(d -> d.target().equals(target))) {
                scheduled.add(monitoring.scheduleDowntime(CHANGES, target, now, end, comment));
            }
        }
        log.info("change {}: {} host(s) in maintenance until {}", ref, scheduled.size(), end);
        return scheduled;
    }

    /** Ends the downtimes of change {@code ref} now; returns how many. */
    int end(String ref, Instant now) {
        int ended = 0;
        for (Downtime d : ofChange(ref, now)) {
            if (monitoring.cancelDowntime(CHANGES, d.id())) {
                ended++;
            }
        }
        log.info("change {}: maintenance of {} host(s) ended", ref, ended);
        return ended;
    }

    private List<Downtime> ofChange(String ref, Instant now) {
        return monitoring.downtimes(CHANGES, now, FAR).stream().filter(d -> d.author().equals(CHANGES.name()))
                .filter(d -> d.comment().startsWith(prefix(ref))).toList();
    }

    private static String prefix(String ref) {
        return "change " + ref + ": ";
    }

    private static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof String[] array) {
            out.addAll(List.of(array));
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String one) {
            out.add(one);
        }
        out.removeIf(s -> s == null || s.isBlank());
        return out;
    }
}
