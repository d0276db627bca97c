package org.opsbench.releng.apibaseline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Type;

/**
 * Compares an API bundle with its last release by bnd's baseline: for every exported package, the version its changes
 * need (a removed or changed member: major; a member added to a {@code @ProviderType}: minor, to a
 * {@code @ConsumerType}: major) against the version it exports. Arguments: the new bundle jar, the baseline jar. Throws
 * (failing the build) when a package exports less than it needs, naming the package and the members that changed.
 */
public final class ApiBaseline {

    private ApiBaseline() {
    }

    /** Runs the comparison; throws {@link IllegalStateException} with the problems when there are any. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ApiBaseline <new bundle jar> <baseline jar>");
        }
        List<String> problems = problems(Path.of(args[0]), Path.of(args[1]));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("API baseline failed for " + args[0] + " against " + args[1] + ":\n"
                    + String.join("\n", problems));
        }
        System.out.println("API baseline: " + Path.of(args[0]).getFileName() + " is compatible with "
                + Path.of(args[1]).getFileName());
    }

    /** The packages of {@code newer} whose exported version is too low for their changes since {@code older}. */
    public static List<String> problems(Path newer, Path older) throws Exception {
        for (Path p : List.of(newer, older)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such jar: " + p);
            }
        }
        List<String> problems = new ArrayList<>();
        try (Processor reporter = new Processor(); Jar n = new Jar(newer.toFile()); Jar o = new Jar(older.toFile())) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            Set<Info> infos = baseline.baseline(n, o, null);
            for (Info info : infos) {
                if (info.packageDiff.getDelta() == Delta.REMOVED) {
                    problems.add("package " + info.packageName + " was removed (exported " + info.olderVersion
                            + "): a major change of the bundle");
                } else if (info.mismatch) {
                    StringBuilder b = new StringBuilder("package " + info.packageName + ": exported "
                            + info.newerVersion + " but its changes since " + info.olderVersion + " need "
                            + info.suggestedVersion + " (" + info.packageDiff.getDelta() + ")");
                    members(info.packageDiff, info.packageName, b);
                    problems.add(b.toString());
                }
            }
            reporter.getErrors().forEach(e -> problems.add("bnd: " + e));
        }
        return problems;
    }

    /** Appends the changed members (classes, methods, fields) below {@code diff}. */
    private static void members(Diff diff, String path, StringBuilder out) {
        for (Diff child : diff.getChildren()) {
            Delta d = child.getDelta();
            if (d == Delta.UNCHANGED || d == Delta.IGNORED) {
                continue;
            }
            Type t = child.getType();
            String name = t == Type.CLASS || t == Type.INTERFACE ? child.getName() : path + "." + child.getName();
            if (t == Type.METHOD || t == Type.FIELD || t == Type.CONSTANT || t == Type.EXTENDS
                    || t == Type.IMPLEMENTS || d == Delta.ADDED || d == Delta.REMOVED) {
                out.append("\n  ").append(d).append(' ').append(t.toString().toLowerCase()).append(' ').append(name);
            }
            if (t == Type.CLASS || t == Type.INTERFACE) {
                members(child, child.getName(), out);
            }
        }
    }

    /** For callers that have files. */
    static List<String> problems(File newer, File older) throws Exception {
        return problems(newer.toPath(), older.toPath());
    }
}
