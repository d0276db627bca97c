package org.opsbench.changes.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.opsbench.changes.internal.store.BaselineStore;
import org.opsbench.changes.internal.store.ChangeStore;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.persistence.EntityManagerFactory;

/**
 * The changes area's shared parts for its public services: the migrated schema, the stores on its persistence unit, its
 * settings, the clock and event posting. An internal service.
 */
@Component(service = ChangesRuntime.class, configurationPid = ChangesRuntime.PID)
@Designate(ocd = ChangesConfig.class)
public final class ChangesRuntime {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.changes";
    /** The area's name for its migrations. */
    public static final String AREA = "changes";
    /** The principal the area acts as on its own (scheduled comparison, vault reads). */
    public static final Principal SYSTEM = Principal.system("changes");

    private final EntityManagerFactory emf;
    private final ChangeStore changes;
    private final BaselineStore baselines;
    private final EventAdmin events;
    private final Clock clock = Clock.systemUTC();
    private volatile ChangesConfig config;

    /** Migrates the schema and opens the persistence unit. */
    @Activate
    public ChangesRuntime(BundleContext context, @Reference SchemaMigrations migrations,
            @Reference PersistenceUnits units, @Reference EventAdmin events, ChangesConfig config) {
        migrations.migrate(AREA, context.getBundle(), "migrations");
        this.emf = units.createEntityManagerFactory("changes");
        this.changes = new ChangeStore(emf);
        this.baselines = new BaselineStore(emf);
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(ChangesConfig changed) {
        this.config = changed;
    }

    @Deactivate
    void deactivate() {
        emf.close();
    }

    /** The changes' store. */
    public ChangeStore changes() {
        return changes;
    }

    /** The baselines' store. */
    public BaselineStore baselines() {
        return baselines;
    }

    /** The current settings. */
    public ChangesConfig config() {
        return config;
    }

    /** The area's clock. */
    public Clock clock() {
        return clock;
    }

    /** Posts {@code topic} with {@code properties}, a timestamp and the principal. */
    public void post(String topic, Principal who, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put(EventProperties.TIMESTAMP, clock.millis());
        all.put(EventProperties.PRINCIPAL, who.name());
        events.postEvent(new Event(topic, all));
    }
}
