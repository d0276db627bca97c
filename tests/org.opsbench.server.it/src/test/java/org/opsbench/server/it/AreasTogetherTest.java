package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The areas of the built server product working together as an administrator sees it on the console, though none of
 * them imports another: a CMDB item, a monitored host that is that item, a hard problem that the incidents area turns
 * into an incident, and an emergency change whose implementation puts the host into maintenance and whose end takes it
 * out again. Everything travels as EventAdmin events and core references.
 */
class AreasTogetherTest {

    @RegisterExtension
    final ServerProduct product = new ServerProduct();

    @TempDir
    Path dir;

    @Test
    void aProblemOpensAnIncidentAndAChangeHoldsItsHostInMaintenance() throws Exception {
        RunningServer server = product.start(dir, "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        server.loginAsAdmin();

        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, "type,name,lifecycle,tags,groups\nserver,e2e-web,deployed,linux,web\n");
        String imported = server.answer("assets:import csv " + csv);
        assertTrue(!imported.contains("error:"), imported);
        String shown = server.answer("assets:show server/e2e-web");
        Matcher id = Pattern.compile("server e2e-web\\s+\\[[^]]*]\\s+id (\\S+)").matcher(shown);
        assertTrue(id.find(), shown);

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String host = server.answer("monitoring:host set e2e-web address=127.0.0.1 check=tcp check.port=" + closed
                + " interval=1h attempts=1 ci=" + id.group(1));
        assertTrue(host.contains("created host set e2e-web"), host);
        String down = server.answer("monitoring:run e2e-web");
        assertTrue(down.contains("e2e-web: DOWN (HARD)"), down);

        // the incidents area heard the hard problem and opened one incident for the host
        String queue = server.answerUntil("incidents:list --all e2e-web", out -> out.contains("INC-"));
        assertTrue(Pattern.compile("(?m)^INC-\\d+\\s.*e2e-web DOWN").matcher(queue).find(), queue);

        String created = server.answer("changes:create emergency \"replace the NIC\" items=" + id.group(1));
        Matcher ref = Pattern.compile("created (CHG-\\d+)").matcher(created);
        assertTrue(ref.find(), created);
        String change = ref.group(1);
        assertTrue(server.answer("changes:submit " + change).contains(change + " is SUBMITTED"));
        String scheduled = server.answer("changes:schedule " + change + " now now+2h");
        assertTrue(scheduled.contains("scheduled " + change), scheduled);
        String implementing = server.answer("changes:move " + change + " IMPLEMENTING");
        assertTrue(implementing.contains(change + " is IMPLEMENTING"), implementing);

        // monitoring heard the change start: the host is in maintenance for it
        String windows = server.answerUntil("monitoring:downtime list", out -> out.contains("change " + change + ":"));
        assertTrue(Pattern.compile("(?m)^\\d+\\s+e2e-web\\s+\\S+\\s+\\S+\\s+active\\s+system:changes\\s+change "
                + change + ": implementing: replace the NIC$").matcher(windows).find(), windows);

        String implemented = server.answer("changes:move " + change + " IMPLEMENTED");
        assertTrue(implemented.contains(change + " is IMPLEMENTED"), implemented);
        server.answerUntil("monitoring:downtime list", out -> !out.contains("change " + change + ":"));
    }
}
