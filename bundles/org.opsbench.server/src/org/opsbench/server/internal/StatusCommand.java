package org.opsbench.server.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Gogo command {@code opsbench:status}: bundles, Declarative Services components and the platform services, and
 * whatever is not up with the reason.
 */
@Component(service = StatusCommand.class, property = {"osgi.command.scope=opsbench",
        "osgi.command.function=status"})
public class StatusCommand {

    /** Platform services by interface name, so the server imports none of the bundles that provide them. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("javax.sql.DataSource", "database");
        SERVICES.put("org.opsbench.persistence.PersistenceUnits", "persistence units");
        SERVICES.put("org.opsbench.persistence.SchemaMigrations", "schema migrations");
        SERVICES.put("org.opsbench.persistence.DatabaseBackup", "database backup");
        SERVICES.put("org.opsbench.ssh.RemoteShell", "SSH remote shell");
        SERVICES.put("org.opsbench.core.security.AccessControl", "access control");
        SERVICES.put("org.opsbench.core.security.AuditLog", "audit log");
        SERVICES.put("org.opsbench.core.security.SecretStore", "secret store");
        SERVICES.put("org.osgi.service.event.EventAdmin", "events");
        SERVICES.put("org.osgi.service.cm.ConfigurationAdmin", "configuration");
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    /** Created by DS. */
    @Activate
    public StatusCommand(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** {@code opsbench:status}. */
    public String status() {
        Bundle[] bundles = context.getBundles();
        long active = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count();
        long resolved = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.RESOLVED).count();
        long installed = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.INSTALLED).count();
        Readiness.Report report = Readiness.check(context, scr);
        StringBuilder out = new StringBuilder();
        out.append("Opsbench ").append(context.getBundle().getVersion()).append(" - workspace ")
                .append(Workspace.of(context)).append(" - up ")
                .append(human(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())))
                .append(" - Java ").append(Runtime.version()).append('\n');
        out.append("Bundles: ").append(bundles.length).append(" (").append(active).append(" active, ")
                .append(resolved).append(" resolved, ").append(installed).append(" not resolved)\n");
        out.append("Opsbench components: ").append(report.components()).append(" (").append(report.active())
                .append(" active, ").append(report.satisfied()).append(" satisfied, ")
                .append(report.components() - report.active() - report.satisfied()).append(" not up)\n");
        out.append("Services:\n");
        SERVICES.forEach((type, label) -> out.append(String.format("  %-20s %s%n", label,
                context.getServiceReference(type) == null ? "not available" : "available")));
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.INSTALLED) {
                out.append("  ! bundle ").append(b.getSymbolicName()).append(" is not resolved\n");
            }
        }
        for (String problem : report.problems()) {
            out.append("  ! ").append(problem).append('\n');
        }
        out.append("Status: ").append(report.ready() ? "READY" : "NOT READY").append('\n');
        return out.toString();
    }

    private static String human(Duration d) {
        return d.toHours() > 0
                ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
