package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.MonitoringAdmin;

/**
 * Every shipped check type's parameters are checked by {@link MonitoringAdmin} before anything is written: a bad value
 * is refused naming {@code parameters.<name>} (or {@code hostCheckParameters.<name>}), a good one is saved.
 */
class CheckValidationTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String HOST = "valid-" + RUN;
    private static final String GOOD = "valid-good-" + RUN;

    private static MonitoringAdmin admin;

    @BeforeAll
    static void aHost() throws Exception {
        admin = Osgi.service(MonitoringAdmin.class, null);
        for (String host : List.of(HOST, GOOD)) {
            admin.saveHost(OPS, HostDefinition.of(host, "127.0.0.1").withHostCheck("ping", Map.of("method", "tcp"),
                    Duration.ofHours(1), 1));
        }
    }

    /** A refused definition, with the field it names. */
    private record Refusal(String type, Map<String, String> parameters, String field) {
    }

    @Test
    void badParametersOfEachTypeAreRefusedNamingTheParameter() {
        List<Refusal> refusals = List.of(new Refusal("tcp", Map.of("port", "70000"), "parameters.port"),
                new Refusal("tcp", Map.of("port", "80", "prot", "81"), "parameters.prot"),
                new Refusal("ping", Map.of("warning", "100ms,20%"), "parameters.warning"),
                new Refusal("ping", Map.of("critical", "500,160%"), "parameters.critical"),
                new Refusal("ping", Map.of("warning", "600,20%"), "parameters.warning"),
                new Refusal("ping", Map.of("method", "udp"), "parameters.method"),
                new Refusal("ping", Map.of("ports", "22,http"), "parameters.ports"),
                new Refusal("ping", Map.of("packets", "0"), "parameters.packets"),
                new Refusal("http", Map.of("url", "ftp://example.org/"), "parameters.url"),
                new Refusal("http", Map.of("url", "https://user:pw@example.org/"), "parameters.url"),
                new Refusal("http", Map.of("url", "https://example.org/", "port", "8443"), "parameters.port"),
                new Refusal("http", Map.of("path", "health"), "parameters.path"),
                new Refusal("http", Map.of("expect", "20x"), "parameters.expect"),
                new Refusal("http", Map.of("expect", "399-200"), "parameters.expect"),
                new Refusal("http", Map.of("bodyMatches", "(unclosed"), "parameters.bodyMatches"),
                new Refusal("http", Map.of("method", "HEAD", "bodyMustNotMatch", "error"),
                        "parameters.bodyMustNotMatch"),
                new Refusal("http", Map.of("method", "POST"), "parameters.method"),
                new Refusal("http", Map.of("followRedirects", "yes"), "parameters.followRedirects"),
                new Refusal("http", Map.of("trustCertificates", "ca.pem"), "parameters.trustCertificates"),
                new Refusal("http", Map.of("certificateWarningDays", "10", "certificateCriticalDays", "20"),
                        "parameters.certificateCriticalDays"),
                new Refusal("ssh-command", Map.of(), "parameters.command"),
                new Refusal("ssh-metrics", Map.of("diskWarning", "95", "diskCritical", "90"),
                        "parameters.diskWarning"),
                new Refusal("ssh-metrics", Map.of("loadCritical", "2,x,1"), "parameters.loadCritical"),
                new Refusal("ssh-metrics", Map.of("mounts", "/,var"), "parameters.mounts"),
                new Refusal("nagios", Map.of("command", "check_load"), "parameters.command"),
                new Refusal("nagios", Map.of("command", "/usr/lib/nagios/plugins/../../../bin/sh", "remote",
                        "true"), "parameters.command"),
                new Refusal("nagios", Map.of("command", "/usr/lib/nagios/plugins/check_load", "remote", "yes"),
                        "parameters.remote"));
        int i = 0;
        for (Refusal r : refusals) {
            CheckDefinition check = CheckDefinition.of(HOST, "bad-" + i++, r.type(), r.parameters());
            InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                    () -> admin.saveCheck(OPS, check), r.toString());
            assertEquals(r.field(), e.field(), r + ": " + e.getMessage());
        }
        assertTrue(admin.checks(OPS, HOST).isEmpty(), "no refused check was written");
    }

    @Test
    void goodParametersOfEachTypeAreSaved() {
        List<CheckDefinition> good = List.of(CheckDefinition.of(GOOD, "ok-ping", "ping", Map.of("packets", "3",
                "warning", "150.5,10%", "critical", "800,40%", "method", "TCP", "ports", "22, 443")),
                CheckDefinition.of(GOOD, "ok-http", "http", Map.of("url", "https://$HOSTADDRESS$:8443/health?x=1",
                        "expect", "2xx,301-302", "bodyMatches", "\"status\":\\s*\"up\"", "followRedirects", "true",
                        "trustCertificates", "/etc/opsbench/ca.pem", "certificateWarningDays", "20")),
                CheckDefinition.of(GOOD, "ok-ssh", "ssh-command", Map.of("command", "systemctl is-active nginx")),
                CheckDefinition.of(GOOD, "ok-metrics", "ssh-metrics", Map.of("loadWarning", "4", "loadCritical",
                        "8,6,4", "loadPerCpu", "false", "mounts", "/,/var")),
                CheckDefinition.of(GOOD, "ok-nagios", "nagios", Map.of("command",
                        "/usr/lib/nagios/plugins/check_load", "arguments", "-w\n5,4,3\n-c\n10,8,6", "remote",
                        "true")));
        for (CheckDefinition check : good) {
            // saved, not run: nothing answers on this host
            admin.saveCheck(OPS, check.withEnabled(false));
        }
        assertEquals(good.size(), admin.checks(OPS, GOOD).size());
    }

    @Test
    void hostCheckParametersAreCheckedByTheHostCheckType() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> admin.saveHost(OPS, HostDefinition.of("valid-h-" + RUN, "127.0.0.1").withHostCheck("ping",
                        Map.of("warning", "fast"), Duration.ofMinutes(1), 3)));

        assertEquals("hostCheckParameters.warning", e.field());
        assertTrue(e.getMessage().contains("rta,pl%"), e.getMessage());
        assertTrue(admin.host(OPS, "valid-h-" + RUN).isEmpty());
    }
}
