package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.testing.SshdExtension;

/** The {@code nagios} check with {@code remote=true}: real monitoring-plugins run on the host through a real sshd. */
class RemoteNagiosPluginTest {

    @RegisterExtension
    static final SshHosts HOSTS = new SshHosts();
    private static final SshdExtension SSHD = HOSTS.sshd();

    private static final String PLUGINS = "/usr/lib/nagios/plugins/";
    private static final CiRef HOST = new CiRef("h1", "host", "mon");

    private static CheckResult run(String command, String arguments) throws Exception {
        Map<String, String> parameters = HOSTS.parameters("mon-05.test");
        parameters.put("command", command);
        parameters.put("arguments", arguments);
        parameters.put("remote", "true");
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        return nagios.run(new CheckContext(HOST, "mon-05.test", parameters, Duration.ofSeconds(20)));
    }

    @Test
    void checkDummyOverSshMapsItsExitCode() throws Exception {
        Health[] expected = {Health.OK, Health.WARNING, Health.CRITICAL, Health.UNKNOWN};
        for (int code = 0; code < expected.length; code++) {
            CheckResult result = run(PLUGINS + "check_dummy", code + "\nremote text");
            assertEquals(expected[code], result.health(), result.summary());
            assertTrue(result.summary().endsWith(": remote text"), result.summary());
        }
    }

    @Test
    void checkLoadOverSshGivesItsPerfdata() throws Exception {
        CheckResult result = run(PLUGINS + "check_load", "-w\n1000,1000,1000\n-c\n2000,2000,2000");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().startsWith("LOAD OK"), result.summary());
        assertEquals(List.of("load1", "load5", "load15"), result.metrics().stream().map(Metric::name).toList());
    }

    @Test
    void argumentsReachThePluginAsGivenWithoutTheShellExpandingThem() throws Exception {
        Path marker = SSHD.filesDir().resolve("expanded");
        String text = "it's \"quoted\" $(touch " + marker + ") `touch " + marker + "` ; touch " + marker + " $HOME *";

        CheckResult result = run(PLUGINS + "check_dummy", "1\n" + text);

        assertEquals(Health.WARNING, result.health(), result.summary());
        assertEquals("WARNING: " + text, result.summary());
        assertFalse(Files.exists(marker), "the remote shell ran part of an argument");
    }

    @Test
    void hostAddressIsReplacedInArguments() throws Exception {
        CheckResult result = run(PLUGINS + "check_dummy", "0\nchecking $HOSTADDRESS$");

        assertEquals("OK: checking mon-05.test", result.summary());
    }

    @Test
    void pluginsOutsideTheAllowedDirectoriesAreRefusedByTheirPathBeforeConnecting() throws Exception {
        long logins = SSHD.acceptedLogins();
        for (String command : List.of("/bin/sh", PLUGINS + "../../../../bin/sh", PLUGINS + "./check_dummy",
                "check_dummy")) {
            CheckResult result = run(command, "-c\ntouch /tmp/opsbench-should-not-exist");
            assertEquals(Health.UNKNOWN, result.health(), command);
            assertTrue(result.summary().contains("outside the allowed plugin directories")
                    || result.summary().contains("must be absolute"), result.summary());
        }
        assertEquals(logins, SSHD.acceptedLogins(), "nothing was run on the host");
    }

    @Test
    void aPluginThatIsMissingOnTheHostIsUnknown() throws Exception {
        CheckResult result = run(PLUGINS + "check_not_installed", "");

        assertEquals(Health.UNKNOWN, result.health(), result.summary());
        assertTrue(result.summary().contains("check_not_installed"), result.summary());
        assertTrue(result.summary().endsWith("(exit code 127)"), result.summary());
    }
}
