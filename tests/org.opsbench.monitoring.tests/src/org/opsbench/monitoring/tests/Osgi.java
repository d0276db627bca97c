package org.opsbench.monitoring.tests;

import java.time.Duration;

import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

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
        return Services.await(context(), type, filter, TIMEOUT);
    }
}
