package org.opsbench.changes.tests;

import java.time.Duration;

import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Services of the running framework for the tests. */
final class Osgi {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** Waits for a service matching {@code filter} (an LDAP filter on top of its type, or null). */
    static <T> T service(Class<T> type, String filter) throws Exception {
        try {
            return Services.await(context(), type, filter, TIMEOUT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the changes components: " + components(), e);
        }
    }

    /** The state of the changes bundle's components, to say why a service is missing. */
    static String components() {
        ServiceReference<ServiceComponentRuntime> ref = context().getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return "no SCR";
        }
        ServiceComponentRuntime scr = context().getService(ref);
        StringBuilder b = new StringBuilder();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.name.startsWith("org.opsbench.changes")) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    b.append("\n").append(d.name).append(" state ").append(c.state).append(" failure ")
                            .append(c.failure);
                    for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                        b.append(" unsatisfied ").append(u.name);
                    }
                }
            }
        }
        return b.toString();
    }

    static <T> T service(Class<T> type) throws Exception {
        return service(type, null);
    }
}
