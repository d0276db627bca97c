package org.opsbench.security.ops.tests;

import java.time.Duration;

import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Service look-ups in the test framework. */
final class Osgi {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws Exception {
        return Services.await(context(), type, null, TIMEOUT);
    }
}
