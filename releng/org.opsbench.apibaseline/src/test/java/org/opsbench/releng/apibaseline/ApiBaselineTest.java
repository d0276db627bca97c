package org.opsbench.releng.apibaseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline check against real jars: the built core against the stored release, and copies of core's sources with a
 * deliberate change compiled here (javac) into a bundle jar with core's manifest.
 */
class ApiBaselineTest {

    private static final Path BASELINE = Path.of(System.getProperty("opsbench.api.baseline"));
    private static final Path CORE = Path.of(System.getProperty("opsbench.api.sources"));

    @TempDir
    Path dir;

    @Test
    void theBuiltCoreIsCompatibleWithItsRelease() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(Path.of(System.getProperty("opsbench.api.bundle")), BASELINE));
    }

    @Test
    void unchangedSourcesPass() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(build(NONE, m -> m), BASELINE));
    }

    @Test
    void aMethodRemovedFromAnInterfaceFailsNamingPackageAndMember() throws Exception {
        Path broken = build(edit("spi/CheckType.java", "    String displayName();\n", ""), m -> m);
        List<String> problems = ApiBaseline.problems(broken, BASELINE);
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.startsWith("package org.opsbench.core.spi: exported 1.0.0"), p);
        assertTrue(p.contains("need 2.0.0"), p);
        assertTrue(p.contains("REMOVED method org.opsbench.core.spi.CheckType.displayName()"), p);
    }

    @Test
    void theSameRemovalWithAMajorVersionBumpPasses() throws Exception {
        Path major = build(edit("spi/CheckType.java", "    String displayName();\n", ""),
                m -> m.replace("org.opsbench.core.spi;version=\"1.0.0\"", "org.opsbench.core.spi;version=\"2.0.0\""));
        assertEquals(List.of(), ApiBaseline.problems(major, BASELINE));
    }

    @Test
    void aMethodAddedToAConsumerTypeIsMajor() throws Exception {
        Path added = build(edit("spi/Notifier.java", "    String displayName();\n",
                "    String displayName();\n\n    /** New. */\n    String channel();\n"), m -> m);
        List<String> problems = ApiBaseline.problems(added, BASELINE);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("need 2.0.0"), problems.get(0));
        assertTrue(problems.get(0).contains("ADDED method org.opsbench.core.spi.Notifier.channel()"), problems.get(0));
    }

    @Test
    void aMethodAddedToAProviderTypeNeedsOnlyAMinorBump() throws Exception {
        Edit sources = edit("security/AuditLog.java", "public interface AuditLog {\n",
                "public interface AuditLog {\n\n    /** New. */\n    default int size() {\n        return 0;\n    }\n");
        List<String> unbumped = ApiBaseline.problems(build(sources, m -> m), BASELINE);
        assertEquals(1, unbumped.size(), unbumped.toString());
        assertTrue(unbumped.get(0).contains("org.opsbench.core.security: exported 1.1.0")
                && unbumped.get(0).contains("need 1.2.0"), unbumped.get(0));
        Path minor = build(sources, m -> m.replace("org.opsbench.core.security;version=\"1.1.0\"",
                "org.opsbench.core.security;version=\"1.2.0\""));
        assertEquals(List.of(), ApiBaseline.problems(minor, BASELINE));
    }

    /**
     * An edit of one source file (relative to {@code org/opsbench/core}); the build fails when the text is not there.
     */
    private record Edit(String file, String from, String to) {
    }

    private static Edit edit(String file, String from, String to) {
        return new Edit(file, from, to);
    }

    private static final Edit NONE = null;

    /**
     * Copies core's sources (applying {@code edit} unless it is {@code null}), compiles them and jars the classes with
     * core's manifest passed through {@code manifest}.
     */
    private Path build(Edit edit, UnaryOperator<String> manifest) throws IOException {
        Path src = dir.resolve("src-" + System.nanoTime());
        Path classes = dir.resolve("classes-" + System.nanoTime());
        List<String> files = new ArrayList<>();
        Path root = CORE.resolve("src");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path copy = src.resolve(root.relativize(p).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(p);
                if (edit != null && p.endsWith(Path.of("org/opsbench/core", edit.file()))) {
                    assertTrue(text.contains(edit.from()), "no '" + edit.from() + "' in " + p);
                    text = text.replace(edit.from(), edit.to());
                }
                Files.writeString(copy, text);
                files.add(copy.toString());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-proc:none", "-nowarn", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed");
        String mf = manifest.apply(Files.readString(CORE.resolve("META-INF/MANIFEST.MF")));
        Path jar = dir.resolve("core-" + System.nanoTime() + ".jar");
        try (InputStream in = new java.io.ByteArrayInputStream(mf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, new Manifest(in));
                Stream<Path> all = Files.walk(classes)) {
            for (Path c : all.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
