package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.persistence.tests.child.CommitThenSleep;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Durability: what a process committed survives that process being killed with SIGKILL. */
class CrashRecoveryTest {

    @RegisterExtension
    static final DerbyDatabase DB = new DerbyDatabase();

    private static final int ROWS = 25;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hanging child, not a timing expectation
    void committedRowsSurviveAKillMinus9OfTheWritingJvm() throws Exception {
        Path database = DB.newFolder("crash-").resolve("db");
        Path derbyLog = database.resolveSibling("child-derby.log");
        Process child = new ProcessBuilder(javaExecutable(), "-Dderby.stream.error.file=" + derbyLog, "-cp",
                childClassPath(), CommitThenSleep.class.getName(), database.toString(), Integer.toString(ROWS))
                .redirectErrorStream(true).start();
        try {
            List<String> output = new ArrayList<>();
            String marker = awaitMarker(child, output);
            assertEquals(CommitThenSleep.MARKER + " " + ROWS, marker, "child output: " + output);
            assertTrue(child.isAlive());
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean Derby shutdown
            child.waitFor();
        }
        assertEquals(137, child.exitValue(), "the child was not killed by SIGKILL");

        DataSource ds = DB.useDatabase(database, Map.of());
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, NOTE FROM EVENTS ORDER BY ID")) {
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
                assertEquals("committed " + rs.getInt(1), rs.getString(2));
            }
            assertEquals(ROWS, ids.size(), "rows after recovery: " + ids);
            assertEquals(1, ids.get(0), "the uncommitted row must be gone, ids: " + ids);
            assertEquals(ROWS, ids.get(ids.size() - 1));
        }
    }

    private static String awaitMarker(Process child, List<String> output) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(CommitThenSleep.MARKER)) {
                return line;
            }
            output.add(line);
        }
        return null;
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertTrue(Files.isExecutable(java), java + " is not executable");
        return java.toString();
    }

    /**
     * The Derby jars of the running framework (host and fragments) plus the child's class, copied out of the bundle.
     */
    private static String childClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        Bundle derby = FrameworkUtil.getBundle(EmbeddedDataSource.class);
        entries.add(fileOf(derby));
        for (BundleWire wire : derby.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            entries.add(fileOf(wire.getRequirerWiring().getBundle()));
        }
        assertTrue(entries.size() >= 3, "expected derby, derby.shared and derby.tools: " + entries);
        entries.add(copyChildClass().toString());
        return String.join(File.pathSeparator, entries);
    }

    private static String fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        int file = location.indexOf("file:");
        assertTrue(file >= 0, "bundle " + bundle.getSymbolicName() + " has no file location: " + location);
        String url = location.substring(file);
        Path path;
        try {
            path = Path.of(URI.create(url.replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            // Equinox keeps a location relative to its install area when both are on one file system
            // ("file:../../m2/..."), which is not where this JVM was started
            String install = FrameworkUtil.getBundle(CrashRecoveryTest.class).getBundleContext()
                    .getProperty("osgi.install.area");
            path = Path.of(URI.create(install)).resolve(url.substring("file:".length())).normalize();
        }
        if (!path.isAbsolute() && !Files.exists(path)) {
            // tycho-surefire may write locations relative to the framework's install area (its work folder)
            String area = FrameworkUtil.getBundle(CrashRecoveryTest.class).getBundleContext()
                    .getProperty("osgi.install.area");
            if (area != null && area.startsWith("file:")) {
                path = Path.of(area.substring("file:".length())).resolve(path).normalize();
            }
        }
        if (!path.isAbsolute() && System.getProperty("osgi.install.area") != null) {
            // a relative bundle location (the Maven repository near the build folder) is relative to the install area
            path = Path.of(URI.create(System.getProperty("osgi.install.area"))).resolve(path).normalize();
        }
        assertTrue(Files.exists(path), "no file for bundle " + bundle.getSymbolicName() + ": " + path);
        return path.toString();
    }

    private static Path copyChildClass() throws IOException {
        Path classes = DB.newFolder("child-classes-");
        String resource = CommitThenSleep.class.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = CommitThenSleep.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not in the test bundle");
            Files.copy(in, target);
        }
        return classes;
    }
}
