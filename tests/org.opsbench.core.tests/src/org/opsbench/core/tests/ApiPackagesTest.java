package org.opsbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.PackageNamespace;
import org.opsbench.core.Severity;

/** The API bundle's contract as OSGi sees it: which packages, at which versions. */
class ApiPackagesTest {

    @Test
    void coreExportsEveryApiPackageAt1OrHigher() {
        Bundle core = FrameworkUtil.getBundle(Severity.class);
        Map<String, String> exported = new TreeMap<>();
        for (BundleCapability c : core.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            exported.put((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE).toString());
        }
        assertEquals(Map.of("org.opsbench.core", "1.0.0", "org.opsbench.core.changes", "1.0.0",
                "org.opsbench.core.cmdb", "1.1.0", "org.opsbench.core.events", "1.3.0", "org.opsbench.core.security",
                "1.1.0",
                "org.opsbench.core.spi", "1.0.0"), exported);
    }

    @Test
    void coreImportsNothing() {
        Bundle core = FrameworkUtil.getBundle(Severity.class);
        var required = core.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        assertEquals(0, required.size(), "core must stay free of implementation dependencies: " + required);
    }
}
