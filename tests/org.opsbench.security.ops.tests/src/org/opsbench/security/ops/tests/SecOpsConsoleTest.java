package org.opsbench.security.ops.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.core.spi.DashboardTile;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.ops.InstalledPackage;
import org.opsbench.security.ops.ManagedHost;

/** The {@code secops:*} commands in a real Gogo session after a real {@code opsbench:login}; roles and audit. */
class SecOpsConsoleTest {

    @RegisterExtension
    static final SecOpsHost HOST = new SecOpsHost();

    private static final String ADMIN = "sec-admin-" + SecOpsHost.RUN;
    private static final String OPERATOR = "sec-op-" + SecOpsHost.RUN;
    private static final String VIEWER = "sec-view-" + SecOpsHost.RUN;
    private static final String PASSWORD = "Console-Pass-4711";

    @BeforeAll
    static void users() throws Exception {
        IdentityAdmin identities = Osgi.service(IdentityAdmin.class);
        identities.createUser(SecOpsHost.OPS, ADMIN, "Ada Admin", "", PASSWORD.toCharArray(), Set.of("administrator"));
        identities.createUser(SecOpsHost.OPS, OPERATOR, "Otto Operator", "", PASSWORD.toCharArray(),
                Set.of("operator"));
        identities.createUser(SecOpsHost.OPS, VIEWER, "Vic Viewer", "", PASSWORD.toCharArray(), Set.of("viewer"));
    }

    static String console(String user, String... commands) throws Exception {
        CommandProcessor processor = Osgi.service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandSession session = processor.createSession(
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(out, true));
        try {
            String answer = String.valueOf(session.execute("opsbench:login " + user));
            assertTrue(answer.startsWith("logged in as " + user), answer);
            StringBuilder all = new StringBuilder();
            for (String c : commands) {
                all.append(session.execute(c)).append('\n');
            }
            return all.toString();
        } finally {
            session.close();
        }
    }

    @Test
    void importFindingsAcceptAndApproveFromTheConsoleAreCheckedAndAuditedAsTheUser(@TempDir Path dir)
            throws Exception {
        String id = "C" + SecOpsHost.RUN;
        Files.writeString(dir.resolve("c.json"), OsvImportTest.osv(id, "Debian:12", "con-" + id,
                "{\"introduced\":\"0\"},{\"fixed\":\"2.0\"}",
                "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H\"}],"));
        String viewerImport = console(VIEWER, "secops:import " + dir);
        assertTrue(viewerImport.startsWith("error: "), viewerImport);
        String imported = console(ADMIN, "secops:import " + dir);
        assertTrue(imported.startsWith("imported 1 advisories"), imported);

        ManagedHost h = HOST.host("console", "");
        HOST.ops().recordPackages(SecOpsHost.OPS, h.name(), List.of(new InstalledPackage("Debian:12", "con-" + id,
                "1.0")));
        String listed = console(VIEWER, "secops:findings -s critical -h " + h.name());
        assertTrue(listed.contains(id) && listed.contains("CRITICAL") && listed.contains("OPEN"), listed);
        long fid = HOST.ops().findings(SecOpsHost.OPS).stream().filter(f -> f.advisoryId().equals(id)).findFirst()
                .orElseThrow().id();

        String denied = console(OPERATOR, "secops:accept " + fid + " 2099-01-01 compensating control");
        assertTrue(denied.startsWith("error: "), "operators may scan but not accept risk: " + denied);
        String accepted = console(ADMIN, "secops:accept " + fid + " 2099-01-01 compensating control");
        assertTrue(accepted.startsWith("accepted " + id), accepted);
        String noReason = console(ADMIN, "secops:accept " + fid + " 2099-01-01");
        assertTrue(noReason.startsWith("error: reason: required"), noReason);

        String approved = console(ADMIN, "secops:approve host:" + h.name() + " tcp 8443", "secops:ports");
        assertTrue(approved.contains("host:" + h.name() + " tcp/8443"), approved);
        String badPort = console(ADMIN, "secops:approve host:" + h.name() + " sctp 1");
        assertTrue(badPort.startsWith("error: protocol: must be tcp or udp"), badPort);
        assertTrue(console(VIEWER, "secops:signals", "secops:compliance", "secops:hosts").contains(h.name()));

        List<AuditRecord> trail = Osgi.service(AuditTrail.class).search(SecOpsHost.OPS,
                new AuditQuery(null, null, ADMIN, null, null, 0));
        assertTrue(trail.stream().anyMatch(r -> r.entry().action().equals("secops.finding.accept")
                && r.entry().objectId().equals(Long.toString(fid))), trail.toString());
        assertTrue(trail.stream().anyMatch(r -> r.entry().action().equals("secops.advisories.import")));
        assertTrue(trail.stream().anyMatch(r -> r.entry().action().equals("secops.port.approve")));
    }

    @Test
    void theDashboardTileCountsOpenCriticalFindingsAndCompliance() throws Exception {
        DashboardTile tile = Osgi.context().getServiceReferences(DashboardTile.class, null).stream()
                .map(r -> Osgi.context().getService(r)).filter(t -> t.id().equals("secops.exposure")).findFirst()
                .orElseThrow();
        String value = tile.current().value();
        assertTrue(value.matches("\\d+ / (n/a|\\d+ %)"), value);
        assertEquals("Security exposure", tile.title());
    }
}
