package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Switches the security area between single-user local mode (no login dialog) and real logins. */
final class SecurityFixture {

    private SecurityFixture() {
    }

    /**
     * Configures {@code singleUser} and waits until the authentication service runs with it; does nothing when it
     * already does.
     */
    static void singleUser(boolean on) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SecurityFixture.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        cm.open();
        ConfigurationAdmin admin = cm.waitForService(10_000);
        assertNotNull(admin, "ConfigurationAdmin");
        Configuration config = admin.getConfiguration("org.opsbench.security", "?");
        String filter = "(&(objectClass=org.opsbench.security.Authentication)(singleUser=" + on + "))";
        Dictionary<String, Object> current = config.getProperties();
        if (current != null && Boolean.valueOf(on).equals(current.get("singleUser"))
                && context.getServiceReferences((String) null, filter) != null) {
            // already so: an update would restart the security area (and what depends on it) for nothing, and a
            // workbench started during that restart would find no Authentication service
            return;
        }
        // the service registered now may be the one the update is about to replace: wait for a new one
        Set<Object> before = new HashSet<>();
        ServiceReference<?>[] old = context
                .getServiceReferences("org.opsbench.security.Authentication", null);
        if (old != null) {
            for (ServiceReference<?> r : old) {
                before.add(r.getProperty("service.id"));
            }
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("singleUser", on);
        config.update(properties);
        ServiceTracker<Object, Object> auth = new ServiceTracker<>(context, context.createFilter(filter), null);
        auth.open();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                ServiceReference<Object> ref = auth.getServiceReference();
                if (ref != null && !before.contains(ref.getProperty("service.id"))) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no new Authentication with singleUser=" + on + " within 20 s");
                }
                Thread.sleep(20);
            }
        } finally {
            auth.close();
        }
    }
}
