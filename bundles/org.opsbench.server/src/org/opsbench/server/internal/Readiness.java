package org.opsbench.server.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Whether the Opsbench bundles and their Declarative Services components are up: every {@code org.opsbench.*} bundle
 * resolved (and started when it declares components), and every enabled component of theirs satisfied or active (none
 * waiting for a mandatory reference, none failed to activate).
 */
final class Readiness {

    /** A snapshot. {@code problems} names each bundle or component that is not up, and why. */
    record Report(int bundles, int components, int active, int satisfied, List<String> problems) {
        boolean ready() {
            return problems.isEmpty();
        }
    }

    private static final String PREFIX = "org.opsbench.";

    private Readiness() {
    }

    static Report check(BundleContext context, ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        int bundles = 0;
        for (Bundle b : context.getBundles()) {
            if (!b.getSymbolicName().startsWith(PREFIX) || b.getHeaders("").get("Fragment-Host") != null) {
                continue;
            }
            bundles++;
            boolean hasComponents = b.getHeaders("").get("Service-Component") != null;
            boolean up = hasComponents
                    ? b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING
                    : b.getState() != Bundle.INSTALLED && b.getState() != Bundle.UNINSTALLED;
            if (!up) {
                problems.add("bundle " + b.getSymbolicName() + " is " + stateName(b.getState()));
            }
        }
        int components = 0;
        int active = 0;
        int satisfied = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith(PREFIX) || !scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                components++;
                switch (c.state) {
                    case ComponentConfigurationDTO.ACTIVE -> active++;
                    case ComponentConfigurationDTO.SATISFIED -> satisfied++;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems
                            .add("component " + d.name + " waits for " + missing(c));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems
                            .add("component " + d.name + " waits for its configuration " + String.join(",",
                                    d.configurationPid));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems
                            .add("component " + d.name + " failed to activate: " + c.failure);
                    default -> problems.add("component " + d.name + " is in state " + c.state);
                }
            }
        }
        return new Report(bundles, components, active, satisfied, List.copyOf(problems));
    }

    private static String missing(ComponentConfigurationDTO c) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
            names.add(r.name + (r.target == null ? "" : " " + r.target));
        }
        return String.join(", ", names);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed (not resolved)";
            case Bundle.RESOLVED -> "resolved (not started)";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }
}
