package org.opsbench.assets.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Services of the running framework, users with roles, and a recorder of real EventAdmin events. */
final class Osgi {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A trusted system principal for set-up. */
    static final Principal SYSTEM = Principal.system("assets-tests");
    /** Names of this run: the workspace database outlives a build without 'clean'. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    static final String PASSWORD = "Assets-Pass-4711";

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws Exception {
        return Services.await(context(), type, null, TIMEOUT);
    }

    /** A user of this run with one built-in role. */
    static Principal user(String role) throws Exception {
        String login = "assets-" + role + "-" + RUN + "-" + System.nanoTime() % 100_000;
        service(IdentityAdmin.class).createUser(SYSTEM, login, "Test " + role, "", PASSWORD.toCharArray(),
                Set.of(role));
        return Principal.user(login, "Test " + role);
    }

    /** Records the events of some topics until closed. */
    static final class Recorder implements AutoCloseable {

        final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        private final ServiceRegistration<EventHandler> registration;

        Recorder(String... topics) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put(EventConstants.EVENT_TOPIC, topics);
            registration = context().registerService(EventHandler.class, events::add, p);
        }

        /** Waits until an event for item {@code ciId} on {@code topic} arrived. */
        Event await(String topic, String ciId) throws InterruptedException {
            long end = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < end) {
                synchronized (events) {
                    for (Event e : events) {
                        if (e.getTopic().equals(topic) && ciId.equals(e.getProperty("ci.id"))) {
                            return e;
                        }
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no " + topic + " for " + ciId + " within " + TIMEOUT + "; got " + events);
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }
}
