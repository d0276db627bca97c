package org.opsbench.assets.internal.types;

import static org.opsbench.core.cmdb.CiAttribute.choice;
import static org.opsbench.core.cmdb.CiAttribute.optional;
import static org.opsbench.core.cmdb.CiAttribute.required;

import java.util.List;

import org.opsbench.core.cmdb.CiAttribute;
import org.opsbench.core.cmdb.CiAttribute.Kind;
import org.opsbench.core.cmdb.CiType;
import org.opsbench.core.cmdb.CiTypeDeclaration;
import org.osgi.service.component.annotations.Component;

/**
 * The item types the assets area ships, declared as data the same way an extension bundle declares its own.
 */
@Component(service = CiTypeDeclaration.class)
public final class ShippedTypes implements CiTypeDeclaration {

    /** Type ids. */
    public static final String SERVER = "server";
    /** Type id. */
    public static final String VIRTUAL_MACHINE = "virtual-machine";
    /** Type id. */
    public static final String LICENSE = "license";
    /** Type id. */
    public static final String SOFTWARE_PACKAGE = "software-package";

    private static final CiAttribute DESCRIPTION = optional("description", "Description", Kind.TEXT);
    private static final CiAttribute OWNER = optional("owner", "Owner", Kind.TEXT);
    private static final CiAttribute ENVIRONMENT = choice("environment", "Environment", "production", "staging",
            "test", "development");
    private static final CiAttribute SERIAL = optional("serial", "Serial number", Kind.TEXT);
    private static final CiAttribute VENDOR = optional("vendor", "Vendor", Kind.TEXT);
    private static final CiAttribute MODEL = optional("model", "Model", Kind.TEXT);
    private static final CiAttribute PURCHASED = optional("purchase.date", "Purchased on", Kind.DATE);
    private static final CiAttribute WARRANTY = optional("warranty.end", "Warranty ends", Kind.DATE);
    private static final CiAttribute VERSION = optional("version", "Version", Kind.TEXT);

    @Override
    public List<CiType> types() {
        return List.of(
                CiType.of(SERVER, "Server", DESCRIPTION, OWNER, ENVIRONMENT, SERIAL, VENDOR, MODEL, PURCHASED,
                        WARRANTY, optional("rack", "Rack position", Kind.TEXT)),
                CiType.of(VIRTUAL_MACHINE, "Virtual machine", DESCRIPTION, OWNER, ENVIRONMENT,
                        optional("hypervisor", "Hypervisor", Kind.TEXT),
                        optional("vcpus", "Virtual CPUs", Kind.INTEGER),
                        optional("memory.mb", "Memory (MiB)", Kind.INTEGER)),
                CiType.of("network-device", "Network device", DESCRIPTION, OWNER, SERIAL, VENDOR, MODEL,
                        choice("role", "Role", "switch", "router", "firewall", "load-balancer", "access-point"),
                        optional("ports", "Ports", Kind.INTEGER), PURCHASED, WARRANTY),
                CiType.of("application", "Application", DESCRIPTION, OWNER, ENVIRONMENT, VERSION,
                        optional("url", "URL", Kind.TEXT)),
                CiType.of("database", "Database", DESCRIPTION, OWNER, ENVIRONMENT,
                        optional("engine", "Engine", Kind.TEXT), VERSION, optional("port", "Port", Kind.INTEGER)),
                CiType.of("business-service", "Business service", DESCRIPTION, OWNER,
                        choice("criticality", "Criticality", "low", "medium", "high", "critical"),
                        optional("sla", "Service level", Kind.TEXT)),
                CiType.of(SOFTWARE_PACKAGE, "Software package", DESCRIPTION, VENDOR, VERSION,
                        optional("package", "Package name", Kind.TEXT)),
                CiType.of(LICENSE, "License", DESCRIPTION, OWNER, VENDOR,
                        required("product", "Package it covers", Kind.TEXT),
                        required("entitlements", "Installations allowed", Kind.INTEGER),
                        optional("expires", "Expires on", Kind.DATE),
                        optional("contract", "Contract number", Kind.TEXT)),
                CiType.of("location", "Location", DESCRIPTION, optional("address", "Address", Kind.TEXT),
                        optional("site", "Site code", Kind.TEXT)));
    }
}
