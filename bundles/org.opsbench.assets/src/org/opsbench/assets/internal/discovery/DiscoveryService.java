package org.opsbench.assets.internal.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.opsbench.assets.AssetPermissions;
import org.opsbench.assets.Discovery;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.service.Changes;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.spi.DiscoveredItem;
import org.opsbench.core.spi.DiscoveryProbe;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@link Discovery}: probes run in parallel (at most the run's parallelism at once); each target's result is reconciled
 * in its own transaction, one at a time (two aliases of one machine must not race to create it twice), then audited and
 * posted: {@code ASSETS_CI_UPDATED} for a new item, {@code ASSETS_DRIFT} for changed facts.
 */
@Component(service = Discovery.class)
public final class DiscoveryService implements Discovery {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, DiscoveryProbe> probes = new ConcurrentHashMap<>();
    private final AssetsDatabase db;
    private final Changes changes;
    private final Object reconciling = new Object();

    /** With the area's tables and the change path. */
    @Activate
    public DiscoveryService(@Reference AssetsDatabase db, @Reference Changes changes) {
        this.db = db;
        this.changes = changes;
    }

    /** Adds a probe (also outside OSGi, for the benchmark). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addProbe(DiscoveryProbe probe) {
        probes.put(probe.id(), probe);
    }

    void removeProbe(DiscoveryProbe probe) {
        probes.remove(probe.id(), probe);
    }

    @Override
    public List<Probe> probes() {
        return probes.values().stream().map(p -> new Probe(p.id(), p.displayName(), p.parameters()))
                .sorted(java.util.Comparator.comparing(Probe::id)).toList();
    }

    @Override
    public List<TargetResult> run(Principal caller, String probeId, List<String> targets,
            Map<String, String> parameters, int parallelism, Progress progress) throws InterruptedException {
        changes.check(caller, AssetPermissions.DISCOVER);
        DiscoveryProbe probe = probes.get(probeId);
        if (probe == null) {
            throw new InvalidItemException("probe", "no probe '" + probeId + "'; installed: " + probes.keySet());
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new InvalidItemException("parallelism", "1 to 64, was " + parallelism);
        }
        List<String> all = Targets.expand(targets);
        Duration timeout = timeout(parameters);
        Progress report = progress == null ? (d, t, l) -> {
        } : progress;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, all.size()), r -> {
            Thread t = new Thread(r, "opsbench-assets-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TargetResult>> futures = new ArrayList<>();
            for (String target : all) {
                futures.add(pool.submit(() -> {
                    TargetResult r = report.cancelled()
                            ? new TargetResult(target, null, false, 0, "cancelled")
                            : one(caller, probe, target, parameters, timeout);
                    report.finished(done.incrementAndGet(), all.size(), r);
                    return r;
                }));
            }
            List<TargetResult> results = new ArrayList<>();
            for (Future<TargetResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("discovery failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Duration timeout(Map<String, String> parameters) {
        String t = parameters.get("timeout");
        if (t == null || t.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(t.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidItemException("timeout", "seconds, was '" + t + "'");
        }
    }

    private TargetResult one(Principal caller, DiscoveryProbe probe, String target, Map<String, String> parameters,
            Duration timeout) throws InterruptedException {
        List<DiscoveredItem> found;
        try {
            found = probe.discover(target, parameters, timeout);
        } catch (java.io.IOException | RuntimeException e) {
            return new TargetResult(target, null, false, 0, e.getMessage());
        }
        if (found.isEmpty()) {
            return new TargetResult(target, null, false, 0, "the probe found nothing");
        }
        String source = "discovery:" + probe.id();
        TargetResult first = null;
        for (DiscoveredItem item : found) {
            Reconciler.Outcome outcome;
            synchronized (reconciling) {
                Instant now = changes.clock().instant();
                outcome = db.tx(c -> Reconciler.reconcile(c, item, caller, now, source));
                if (outcome.created()) {
                    var made = outcome.item();
                    db.graph().changed(outcome.graphVersion(), g -> g.addItem(made.id(), made.type(), made.name()));
                }
            }
            publish(caller, target, probe.id(), outcome);
            if (first == null) {
                first = new TargetResult(target, outcome.item().id(), outcome.created(), outcome.changed().size(),
                        null);
            }
        }
        return first;
    }

    private void publish(Principal caller, String target, String probeId, Reconciler.Outcome o) {
        var ref = o.item().ref();
        if (o.created()) {
            String summary = "discovered new " + ref.type() + " " + ref.name() + " at " + target;
            changes.audit(caller, "assets.ci.discover", ref, summary, null, o.item().facts().size() + " facts");
            changes.post(Topics.ASSETS_CI_UPDATED, caller, ref, summary, Map.of());
        } else if (!o.changed().isEmpty()) {
            String names = o.changed().stream().map(h -> h.field().substring("fact:".length()))
                    .collect(Collectors.joining(","));
            String summary = "drift on " + ref.type() + " " + ref.name() + ": " + o.changed().size()
                    + " facts changed (" + abbreviate(names) + ")";
            changes.audit(caller, "assets.ci.discover", ref, summary, render(o.changed(), true),
                    render(o.changed(), false));
            changes.post(Topics.ASSETS_DRIFT, caller, ref, summary, Map.of("facts", names, "probe", probeId));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }

    private static String render(List<HistoryEntry> changed, boolean before) {
        return abbreviate(changed.stream().map(h -> h.field().substring(5) + "=" + (before ? h.before() : h.after()))
                .collect(Collectors.joining(" ")));
    }
}
