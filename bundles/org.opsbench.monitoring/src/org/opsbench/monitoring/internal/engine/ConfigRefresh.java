package org.opsbench.monitoring.internal.engine;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.internal.store.ConfigStore;
import org.osgi.service.log.Logger;

/**
 * Keeps the engine's configuration in step with the database that several servers share: reads the configuration's
 * version, and only when it moved the whole configuration, and takes what changed. Changes made on this server run
 * under the same lock, so a refresh never interleaves with one.
 */
final class ConfigRefresh {

    private final ConfigStore config;
    private final Engine engine;
    private final Clock clock;
    private final Logger log;
    private final Consumer<CheckKey> reschedule;
    /** Held by a configuration change and by a refresh from the database, never both at once. */
    private final ReentrantLock edits = new ReentrantLock();
    /** The configuration version the engine holds: read before the configuration is loaded, then at each refresh. */
    private long seenVersion;

    /** Call before the engine loads the configuration. */
    ConfigRefresh(ConfigStore config, Engine engine, Clock clock, Logger log, Consumer<CheckKey> reschedule) {
        this.config = config;
        this.engine = engine;
        this.clock = clock;
        this.log = log;
        this.reschedule = reschedule;
        this.seenVersion = config.version();
    }

    <T> T edit(Supplier<T> change) {
        edits.lock();
        try {
            return change.get();
        } finally {
            edits.unlock();
        }
    }

    boolean refresh() {
        edits.lock();
        try {
            return refreshLocked();
        } finally {
            edits.unlock();
        }
    }

    private boolean refreshLocked() {
        ConfigStore.Snapshot stored;
        long version;
        try {
            version = config.version();
            if (version == seenVersion) {
                return false;
            }
            stored = config.current(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Reading the monitoring configuration failed: {}", e.getMessage());
            return false;
        }
        Map<String, HostDefinition> hosts = new HashMap<>();
        stored.hosts().forEach(h -> hosts.put(h.name(), h));
        Map<CheckKey, CheckDefinition> checks = new HashMap<>();
        stored.checks().forEach(c -> checks.put(c.key(), c));
        Set<CheckKey> changed = new HashSet<>();
        boolean rules;
        boolean downtimes;
        synchronized (engine) {
            for (CheckKey key : engine.keys()) {
                if (key.isHost() && !hosts.containsKey(key.host())) {
                    engine.checksOf(key.host()).forEach(c -> changed.add(c.key()));
                    engine.removeHost(key.host());
                    changed.add(key);
                } else if (!key.isHost() && !checks.containsKey(key) && engine.check(key).isPresent()) {
                    engine.removeCheck(key);
                    changed.add(key);
                }
            }
            for (HostDefinition h : hosts.values()) {
                if (!h.equals(engine.host(h.name()).orElse(null))) {
                    engine.putHost(h);
                    changed.add(CheckKey.host(h.name()));
                    checks.values().stream().filter(c -> c.host().equals(h.name())).forEach(c -> changed.add(c.key()));
                }
            }
            for (CheckDefinition c : checks.values()) {
                if (!c.equals(engine.check(c.key()).orElse(null))) {
                    engine.putCheck(c);
                    changed.add(c.key());
                }
            }
            rules = !stored.rules().equals(engine.rules());
            if (rules) {
                engine.setRules(stored.rules());
            }
            downtimes = !Set.copyOf(stored.downtimes()).equals(Set.copyOf(engine.downtimes()));
            if (downtimes) {
                engine.setDowntimes(stored.downtimes());
            }
        }
        seenVersion = version;
        changed.forEach(reschedule);
        if (!changed.isEmpty() || rules || downtimes) {
            log.info("Monitoring took changes from the database (version {}): {} hosts and checks{}{}", version,
                    changed.size(), rules ? ", the notification rules" : "", downtimes ? ", the downtimes" : "");
        }
        return true;
    }
}
