package org.opsbench.security.ops.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opsbench.core.Principal;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.security.ops.internal.match.AdvisoryIndex;
import org.opsbench.security.ops.internal.store.ComplianceStore;
import org.opsbench.security.ops.internal.store.SecOpsStore;
import org.opsbench.security.ops.internal.store.Tx;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManagerFactory;

/**
 * The area's engine: its tables, the advisory index (rebuilt after an import), the clock (replaceable by tests), the
 * events, and a minute ticker that expires accepted risks (audited as {@code system:secops}).
 */
@Component(service = SecOpsRuntime.class)
public final class SecOpsRuntime {

    /** The area name (migrations). */
    public static final String AREA = "secops";
    /** The principal of the area's own scheduled work. */
    public static final Principal SYSTEM = Principal.system("secops");

    private final EventAdmin events;
    private final AuditLog audit;
    private final EntityManagerFactory emf;
    private final SecOpsStore store;
    private final ComplianceStore compliance;
    private final ScheduledExecutorService ticker;
    private volatile Clock clock = Clock.systemUTC();
    private volatile AdvisoryIndex index;

    /** Migrates the schema and opens the persistence unit. */
    @Activate
    public SecOpsRuntime(BundleContext context, @Reference SchemaMigrations migrations,
            @Reference PersistenceUnits units, @Reference EventAdmin events, @Reference AuditLog audit) {
        this.events = events;
        this.audit = audit;
        migrations.migrate(AREA, context.getBundle(), "migrations");
        emf = units.createEntityManagerFactory("secops");
        Tx tx = new Tx(emf);
        store = new SecOpsStore(tx);
        compliance = new ComplianceStore(tx);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-secops-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        emf.close();
    }

    /** Hosts, advisories, findings, signals, settings. */
    public SecOpsStore store() {
        return store;
    }

    /** Patches, trend, ports, rulesets. */
    public ComplianceStore compliance() {
        return compliance;
    }

    /** Now, by the area's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Replaces the clock (tests move time with it). */
    public void clock(Clock replacement) {
        clock = replacement;
    }

    /** The advisory index, built from the stored advisories on first use. */
    public synchronized AdvisoryIndex index() {
        if (index == null) {
            index = new AdvisoryIndex(store.advisories());
        }
        return index;
    }

    /** Forgets the index (after an import). */
    public synchronized void reindex() {
        index = null;
    }

    /** Accepted risks past their expiry become open again, audited as the system. */
    public List<Finding> expire() {
        try {
            List<Finding> expired = store.expireAcceptances(now());
            for (Finding f : expired) {
                audit.append(AuditEntry.of(SYSTEM, "secops.finding.expire", "secops-finding", Long.toString(f.id()),
                        "accepted risk of " + f.advisoryId() + " on " + f.host() + " (" + f.packageName()
                                + ") expired: open again"));
            }
            return expired;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Posts an event with the common properties. */
    public void post(String topic, String host, Severity severity, String summary, String source,
            Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put(EventProperties.HOST, host);
        p.put(EventProperties.SEVERITY, severity.name());
        p.put(EventProperties.SUMMARY, summary);
        p.put(EventProperties.SOURCE, source);
        p.put(EventProperties.TIMESTAMP, now().toEpochMilli());
        events.postEvent(new Event(topic, p));
    }

    /** Records a signal (once per {@code dedupKey}) and posts its event; returns it when new. */
    public java.util.Optional<SecuritySignal> signal(String host, SecuritySignal.Kind kind, Instant at,
            String summary, int count, String dedupKey, String topic, Severity severity, Map<String, Object> more) {
        var s = store.signal(host, kind, at, summary, count, dedupKey);
        if (s.isPresent() && topic != null) {
            post(topic, host, severity, summary, "secops:" + dedupKey, more);
        }
        return s;
    }

    /** The topic of a vulnerability finding event. */
    static String findingTopic() {
        return Topics.SECURITY_VULNERABILITY_FOUND;
    }
}
