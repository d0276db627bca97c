package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Switches the security area between single-user local mode (no login dialog) and real logins. */
final class SecurityFixture {

    private SecurityFixture() {
    }

    /** Configures {@code singleUser} and waits until the authentication service runs with it. */
    static void singleUser(boolean on) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SecurityFixture.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        cm.open();
        ConfigurationAdmin admin = cm.waitForService(10_000);
        assertNotNull(admin, "ConfigurationAdmin");
        Configuration config = admin.getConfiguration("org.opsbench.security", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("singleUser", on);
        config.update(properties);
        ServiceTracker<Object, Object> auth = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=org.opsbench.security.Authentication)(singleUser=" + on + "))"), null);
        auth.open();
        assertNotNull(auth.waitForService(20_000), "Authentication with singleUser=" + on);
    }
}
