package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Services of the running framework for the tests. */
final class Osgi {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** Waits for a service matching {@code filter} (an LDAP filter on top of its type, or null). */
    static <T> T service(Class<T> type, String filter) throws Exception {
        String full = filter == null
                ? "(objectClass=" + type.getName() + ")"
                : "(&(objectClass=" + type.getName() + ")" + filter + ")";
        Filter f = context().createFilter(full);
        // stays open: closing it would unget the service (ConfigAdmin is a bundle-scoped factory and dies with it)
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), f, null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT.toMillis());
        assertNotNull(service, "no service " + full + " within " + TIMEOUT);
        return service;
    }
}
