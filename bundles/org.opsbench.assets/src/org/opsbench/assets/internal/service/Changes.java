package org.opsbench.assets.internal.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The one path of every change: permission check, then (after the transaction) audit record and event. */
@Component(service = Changes.class)
public final class Changes {

    private final AccessControl access;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;

    /** With the security core and EventAdmin. */
    @Activate
    public Changes(@Reference AccessControl access, @Reference AuditLog audit, @Reference EventAdmin events) {
        this(access, audit, events, Clock.systemUTC());
    }

    /** With a clock (benchmark, tests). */
    public Changes(AccessControl access, AuditLog audit, EventAdmin events, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The clock of history entries. */
    public Clock clock() {
        return clock;
    }

    /** Throws {@link org.opsbench.core.security.NotAllowedException} unless allowed. */
    public void check(Principal caller, String permission) {
        access.check(caller, permission);
    }

    /** Appends an audit record. */
    public void audit(Principal caller, String action, CiRef item, String summary, String before, String after) {
        audit.append(new AuditEntry(caller, action, "ci", item == null ? null : item.id(), summary, before, after));
    }

    /** Posts {@code topic} about {@code item}, with extra properties. */
    public void post(String topic, Principal caller, CiRef item, String summary, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put(EventProperties.CI_ID, item.id());
        p.put(EventProperties.CI_TYPE, item.type());
        p.put(EventProperties.CI_NAME, item.name());
        p.put(EventProperties.PRINCIPAL, caller.name());
        p.put(EventProperties.SUMMARY, summary);
        p.put(EventProperties.TIMESTAMP, clock.millis());
        p.put(EventProperties.SOURCE, "assets:" + item.id());
        events.postEvent(new Event(topic, p));
    }
}
