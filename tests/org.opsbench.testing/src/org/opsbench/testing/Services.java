package org.opsbench.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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

    /**
     * Replaces the configuration {@code pid} with {@code properties} through ConfigAdmin and waits for the service of
     * {@code type} matching {@code filter}, which should test a property of the new configuration so that the returned
     * service is the reconfigured one.
     */
    public static <T> T configure(BundleContext context, String pid, Map<String, Object> properties, Class<T> type,
            String filter, Duration timeout) throws Exception {
        ConfigurationAdmin admin = await(context, ConfigurationAdmin.class, null, timeout);
        Configuration config = admin.getConfiguration(pid, "?");
        config.update(new Hashtable<>(properties));
        return await(context, type, filter, timeout);
    }

    /** {@code value} escaped for an LDAP filter. */
    public static String escape(String value) {
        return value.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28").replace(")", "\\29");
    }
}
