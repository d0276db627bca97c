package org.opsbench.incidents.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.PriorityMatrix;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.store.Codecs;
import org.opsbench.incidents.internal.store.DeskStore;
import org.opsbench.incidents.internal.store.Schema;
import org.opsbench.incidents.internal.store.TicketStore;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManagerFactory;

/**
 * The running incidents area: schema, stores, the current configuration (matrix, calendar, policies, switches) and the
 * event outlet. An internal service for the public services of the area.
 */
@Component(service = IncidentsRuntime.class)
public final class IncidentsRuntime {

    /** The area name (schema history, audit object types). */
    public static final String AREA = "incidents";

    public static final String MATRIX_KEY = "priority.matrix";
    public static final String CALENDAR_KEY = "sla.calendar";
    public static final String POLICIES_KEY = "sla.policies";
    public static final String SETTINGS_KEY = "desk.settings";

    private final TicketStore tickets;
    private final DeskStore desk;
    private final EntityManagerFactory emf;
    private final Path workspace;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private volatile PriorityMatrix matrix;
    private volatile BusinessCalendar calendar;
    private volatile List<SlaPolicy> policies;
    private volatile IncidentsAdmin.Settings settings;

    /** Applies the migrations and loads the configuration. */
    @Activate
    public IncidentsRuntime(BundleContext context,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference SchemaMigrations migrations, @Reference PersistenceUnits units) {
        migrations.migrate(AREA, Schema.migrations(context.getBundle(), "migrations"));
        emf = units.createEntityManagerFactory(AREA, Map.of("eclipselink.cache.shared.default", "false"));
        tickets = new TicketStore(dataSource);
        desk = new DeskStore(emf);
        String ws = context.getProperty(Database.WORKSPACE_PROPERTY);
        workspace = ws == null || ws.isBlank() ? Path.of(System.getProperty("user.home"), ".opsbench") : Path.of(ws);
        reload();
    }

    @Deactivate
    void deactivate() {
        emf.close();
    }

    /** Reads the configuration from the database (defaults where nothing is stored). */
    public void reload() {
        matrix = desk.setting(MATRIX_KEY).map(PriorityMatrix::decode).orElseGet(PriorityMatrix::itil3);
        calendar = desk.setting(CALENDAR_KEY).map(Codecs::calendar)
                .orElseGet(() -> BusinessCalendar.officeHours(ZoneId.of("UTC")));
        policies = desk.setting(POLICIES_KEY).map(Codecs::policies).orElseGet(Codecs::defaultPolicies);
        settings = desk.setting(SETTINGS_KEY).map(Codecs::settings).orElseGet(IncidentsAdmin.Settings::defaults);
    }

    /** Tickets, worklog, attachments (JDBC). */
    public TicketStore tickets() {
        return tickets;
    }

    /** Configuration, problems, articles (JPA). */
    public DeskStore desk() {
        return desk;
    }

    /** The workspace folder (the database lives in its {@code db}, the KB index in {@code kb-index}). */
    public Path workspace() {
        return workspace;
    }

    /** Now. */
    public Clock clock() {
        return clock;
    }

    /** The priority matrix. */
    public PriorityMatrix matrix() {
        return matrix;
    }

    /** The calendar. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** Business time on the current calendar. */
    public BusinessTime businessTime() {
        return new BusinessTime(calendar);
    }

    /** The SLA policies. */
    public List<SlaPolicy> policies() {
        return policies;
    }

    /** The switches. */
    public IncidentsAdmin.Settings settings() {
        return settings;
    }

    /** Posts {@code properties} on {@code topic} when EventAdmin runs; without it the area works on. */
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, new HashMap<>(properties)));
        }
    }
}
