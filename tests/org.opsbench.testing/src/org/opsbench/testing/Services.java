package org.opsbench.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.util.tracker.ServiceTracker;

/** OSGi services of the running framework, for tests. */
public final class Services {

    private Services() {
    }

    /**
     * Waits up to {@code timeout} for a service of {@code type} matching {@code filter} (an LDAP filter on top of the
     * type, or {@code null}), as seen from {@code context}, and fails the test without one.
     */
    public static <T> T await(BundleContext context, Class<T> type, String filter, Duration timeout)
            throws Exception {
        String full = filter == null
                ? "(objectClass=" + type.getName() + ")"
                : "(&(objectClass=" + type.getName() + ")" + filter + ")";
        Filter f = context.createFilter(full);
        // stays open: closing it would unget the service (ConfigAdmin is a bundle-scoped factory and dies with it)
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, f, null);
        tracker.open();
        T service = tracker.waitForService(timeout.toMillis());
        assertNotNull(service, "no service " + full + " within " + timeout);
        return service;
    }
}
