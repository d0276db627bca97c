package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.internal.checks.NagiosConfig;
import org.opsbench.monitoring.internal.checks.NagiosPluginCheck;
import org.opsbench.testing.Services;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The {@code nagios} check service running the real monitoring-plugins (package monitoring-plugins-basic). */
class NagiosPluginCheckTest {

    private static final String PLUGINS = "/usr/lib/nagios/plugins/";
    private static final CiRef HOST = new CiRef("h1", "host", "localhost");

    @TempDir
    Path temp;

    @Test
    void exitCodesMapToHealthAndTheFirstLineIsTheSummary() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        assertEquals("nagios", nagios.id());
        CheckResult critical = nagios.run(context(PLUGINS + "check_dummy", "2\ntext"));
        assertEquals(Health.CRITICAL, critical.health());
        assertEquals("CRITICAL: text", critical.summary());
        Health[] expected = {Health.OK, Health.WARNING, Health.CRITICAL, Health.UNKNOWN};
        for (int code = 0; code < expected.length; code++) {
            CheckResult result = nagios.run(context(PLUGINS + "check_dummy", code + "\nwith spaces, no shell"));
            assertEquals(expected[code], result.health(), result.summary());
            assertTrue(result.summary().endsWith(": with spaces, no shell"), result.summary());
        }
    }

    @Test
    void checkTcpGivesTimePerfdata() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CheckResult result = nagios.run(context(PLUGINS + "check_tcp",
                    "-H\n$HOSTADDRESS$\n-p\n" + server.getLocalPort()));
            assertEquals(Health.OK, result.health(), result.summary());
            assertTrue(result.summary().startsWith("TCP OK"), result.summary());
            Metric time = result.metrics().get(0);
            assertEquals("time", time.name());
            assertEquals("s", time.unit());
        }
    }

    @Test
    void checkTcpOnClosedPortIsCritical() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        CheckResult result = nagios.run(context(PLUGINS + "check_tcp", "-H\n127.0.0.1\n-p\n" + port));
        assertEquals(Health.CRITICAL, result.health(), result.summary());
        assertTrue(result.summary().contains("Connection refused"), result.summary());
    }

    @Test
    void checkLoadPerfdataHasThreeLoadsWithThresholds() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        CheckResult result = nagios.run(context(PLUGINS + "check_load", "-w\n1000,1000,1000\n-c\n2000,2000,2000"));
        assertEquals(Health.OK, result.health(), result.summary());
        assertEquals(List.of("load1", "load5", "load15"), result.metrics().stream().map(Metric::name).toList());
        result.metrics().forEach(m -> assertTrue(m.value() >= 0, m.toString()));
    }

    @Test
    void checkDiskPerfdataNamesTheMountPoint() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        CheckResult result = nagios.run(context(PLUGINS + "check_disk", "-w\n0%\n-c\n0%\n-p\n/"));
        assertFalse(result.metrics().isEmpty(), result.summary());
        Metric root = result.metrics().get(0);
        assertEquals("/", root.name());
        assertTrue(List.of("B", "KB", "MB", "GB", "TB").contains(root.unit()), root.toString());
        assertTrue(root.value() > 0, root.toString());
    }

    @Test
    void pluginsOutsideTheAllowedDirectoriesAreRefused() throws Exception {
        CheckType nagios = Osgi.service(CheckType.class, "(checkType=nagios)");
        for (String command : List.of("/bin/true", PLUGINS + "../../../../bin/true", "check_dummy")) {
            CheckResult result = nagios.run(context(command, "0\nx"));
            assertEquals(Health.UNKNOWN, result.health(), command);
            assertTrue(result.summary().contains("outside the allowed plugin directories")
                    || result.summary().contains("must be absolute"), result.summary());
        }
    }

    @Test
    void pluginPastTheTimeoutIsUnknownAndItsProcessTreeIsGone() throws Exception {
        Path childPid = temp.resolve("child.pid");
        Path script = temp.resolve("check_sleepy");
        Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > " + childPid + "\nwait\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CheckType nagios = allowing(temp);

        CheckResult result = nagios.run(new CheckContext(HOST, "127.0.0.1",
                Map.of(NagiosPluginCheck.COMMAND, script.toString()), Duration.ofSeconds(1)));

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().startsWith("timed out after 1 s"), result.summary());
        long pid = Long.parseLong(Files.readString(childPid).strip());
        assertTrue(gone(pid), "the plugin's child process " + pid + " still runs");
    }

    @Test
    void cancelledRunKillsThePluginTree() throws Exception {
        Path childPid = temp.resolve("child.pid");
        Path script = temp.resolve("check_forever");
        Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > " + childPid + ".tmp\nmv " + childPid + ".tmp "
                + childPid + "\nwait\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CheckType nagios = allowing(temp);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().name("cancelled-check").start(() -> {
            try {
                nagios.run(new CheckContext(HOST, "127.0.0.1", Map.of(NagiosPluginCheck.COMMAND, script.toString()),
                        Duration.ofMinutes(5)));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        for (int i = 0; i < 100 && !Files.exists(childPid); i++) {
            Thread.sleep(100);
        }
        long pid = Long.parseLong(Files.readString(childPid).strip());
        runner.interrupt();

        assertTrue(outcome.get(30, TimeUnit.SECONDS) instanceof InterruptedException, "the run was not cancelled");
        assertTrue(gone(pid), "the plugin's child process " + pid + " still runs");
    }

    @Test
    void pluginsGetACleanEnvironment() throws Exception {
        Path script = temp.resolve("check_env");
        Files.writeString(script, "#!/bin/sh\necho \"ENV OK - $(env | sort | tr '\\n' ' ')\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CheckType nagios = allowing(temp);

        CheckResult result = nagios.run(new CheckContext(HOST, "127.0.0.1",
                Map.of(NagiosPluginCheck.COMMAND, script.toString()), Duration.ofSeconds(10)));

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().contains("LC_ALL=C"), result.summary());
        assertFalse(result.summary().contains("JAVA_HOME="), result.summary());
        assertFalse(result.summary().contains("HOME="), result.summary());
    }

    @Test
    void multiLineOutputGivesTheFirstLineAsSummaryAndPerfdataOfAllLines() throws Exception {
        Path script = temp.resolve("check_multi");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' 'DISK WARNING - /var 91% | /=10MB;80;90;0;100' "
                + "'/ 10%' '/var 91% | /var=91MB;80;90;0;100' \"'tmp dir'=1MB;;;0;100\"\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CheckType nagios = allowing(temp);

        CheckResult result = nagios.run(new CheckContext(HOST, "127.0.0.1",
                Map.of(NagiosPluginCheck.COMMAND, script.toString()), Duration.ofSeconds(10)));

        assertEquals(Health.WARNING, result.health(), result.summary());
        assertEquals("DISK WARNING - /var 91%", result.summary());
        assertEquals(List.of(new Metric("/", 10, "MB"), new Metric("/var", 91, "MB"), new Metric("tmp dir", 1, "MB")),
                result.metrics());
    }

    @Test
    void badPerfdataKeepsTheVerdictAndNamesTheToken() throws Exception {
        Path script = temp.resolve("check_comma");
        Files.writeString(script, "#!/bin/sh\necho 'LOAD WARNING - high | load1=2,5;2;4;0'\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        CheckType nagios = allowing(temp);

        CheckResult result = nagios.run(new CheckContext(HOST, "127.0.0.1",
                Map.of(NagiosPluginCheck.COMMAND, script.toString()), Duration.ofSeconds(10)));

        assertEquals(Health.WARNING, result.health());
        assertTrue(result.summary().startsWith("LOAD WARNING - high (perfdata ignored: decimal comma"),
                result.summary());
        assertTrue(result.summary().contains("'load1=2,5;2;4;0'"), result.summary());
        assertEquals(List.of(), result.metrics());
    }

    @Test
    void metatypeDescribesEveryConfigurationProperty() throws Exception {
        MetaTypeService metatype = Osgi.service(MetaTypeService.class, null);
        ObjectClassDefinition ocd = metatype.getMetaTypeInformation(FrameworkUtil.getBundle(NagiosPluginCheck.class))
                .getObjectClassDefinition(NagiosPluginCheck.PID, null);
        AttributeDefinition[] attributes = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        Set<String> described = Arrays.stream(attributes).map(AttributeDefinition::getID).collect(Collectors.toSet());
        Set<String> configured = Arrays.stream(NagiosConfig.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(configured, described,
                "OSGI-INF/metatype/org.opsbench.monitoring.nagios.xml and NagiosConfig differ");
        assertArrayEquals(new String[]{"/usr/lib/nagios/plugins"}, attributes[0].getDefaultValue());
    }

    /** Allows {@code dir} besides the default plugin directory through ConfigAdmin, once the change is live. */
    private static CheckType allowing(Path dir) throws Exception {
        return Services.configure(Osgi.context(), NagiosPluginCheck.PID,
                Map.of("pluginDirectories", new String[]{"/usr/lib/nagios/plugins", dir.toString()}), CheckType.class,
                "(&(checkType=nagios)(pluginDirectories=" + Services.escape(dir.toString()) + "))", Osgi.TIMEOUT);
    }

    /** Whether the process is gone (a zombie left for an init that does not reap counts as gone). */
    private static boolean gone(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static CheckContext context(String command, String arguments) {
        return new CheckContext(HOST, "127.0.0.1",
                Map.of(NagiosPluginCheck.COMMAND, command, NagiosPluginCheck.ARGUMENTS, arguments),
                Duration.ofSeconds(10));
    }
}
