package org.opsbench.incidents.tests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** The running incidents area for the tests: services, users per built-in role, recorded events. */
final class Desk {

    static final Principal OPS = Principal.system("incidents-tests");
    // a workspace database outlives a build without 'clean': names of this run are its own
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final String PASSWORD = "Desk-Pass-4711";
    private static final Map<String, Principal> USERS = new ConcurrentHashMap<>();

    private Desk() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Desk.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws Exception {
        return Services.await(context(), type, null, Duration.ofSeconds(20));
    }

    static Incidents incidents() throws Exception {
        return service(Incidents.class);
    }

    static IncidentsAdmin admin() throws Exception {
        return service(IncidentsAdmin.class);
    }

    /** A user holding the built-in {@code role} (operator, viewer, auditor, administrator), created once per run. */
    static Principal user(String role) throws Exception {
        Principal known = USERS.get(role);
        if (known != null) {
            return known;
        }
        String login = "inc-" + role.substring(0, 3) + "-" + RUN;
        service(IdentityAdmin.class).createUser(OPS, login, role + " " + RUN, "", PASSWORD.toCharArray(),
                Set.of(role));
        Principal p = Principal.user(login, role + " " + RUN);
        USERS.put(role, p);
        return p;
    }

    /** Records events of {@code topics} until closed. */
    static final class Recorder implements AutoCloseable, EventHandler {
        final List<Event> events = new CopyOnWriteArrayList<>();
        private final ServiceRegistration<EventHandler> registration;

        Recorder(String... topics) {
            registration = context().registerService(EventHandler.class, this,
                    new java.util.Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, topics)));
        }

        @Override
        public void handleEvent(Event event) {
            events.add(event);
        }

        /** Waits until an event of {@code topic} about {@code reference} arrived. */
        Event await(String topic, String reference) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                for (Event e : events) {
                    if (e.getTopic().equals(topic) && reference.equals(e.getProperty(EventProperties.REFERENCE))) {
                        return e;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no " + topic + " for " + reference + " in " + events.stream()
                    .map(e -> e.getTopic() + " " + e.getProperty(EventProperties.REFERENCE)).toList());
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }
}
