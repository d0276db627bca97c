package org.opsbench.security.ops.internal.osv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.opsbench.security.ops.Advisory;
import org.opsbench.security.ops.AffectedPackage;
import org.opsbench.security.ops.InvalidInputException;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.VersionRange;

/**
 * Reads OSV advisories (https://ossf.github.io/osv-schema/) from a JSON file, a folder of them or a zip as osv.dev
 * publishes per ecosystem. Errors name the file and the JSON path ({@code DSA-1.json: affected[0].package.name}).
 */
public final class OsvParser {

    private OsvParser() {
    }

    /** Every advisory below {@code source}: a {@code .json} file, a folder (recursively) or a {@code .zip}. */
    public static List<Advisory> read(Path source) throws IOException {
        if (!Files.exists(source)) {
            throw new InvalidInputException("source", "no such file or folder: " + source);
        }
        List<Advisory> all = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted(
                        Comparator.naturalOrder()).toList()) {
                    all.add(parse(source.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } else if (source.getFileName().toString().endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(source); ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    if (!e.isDirectory() && e.getName().endsWith(".json")) {
                        all.add(parse(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } else {
            all.add(parse(source.getFileName().toString(), Files.readString(source, StandardCharsets.UTF_8)));
        }
        return all;
    }

    /** One OSV document; {@code file} names it in errors. */
    public static Advisory parse(String file, String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.SyntaxException e) {
            throw new InvalidInputException(file, "not valid JSON: " + e.getMessage());
        }
        Map<String, Object> doc = object(root, file, "(document)");
        String id = text(doc, "id", file, "id", true);
        List<String> aliases = new ArrayList<>();
        for (Object a : list(doc, "aliases", file, "aliases")) {
            if (!(a instanceof String s)) {
                throw new InvalidInputException(file + ": aliases", "must be a list of strings");
            }
            aliases.add(s);
        }
        String summary = text(doc, "summary", file, "summary", false);
        if (summary.isEmpty()) {
            summary = text(doc, "details", file, "details", false);
            summary = summary.length() > 300 ? summary.substring(0, 297) + "..." : summary;
        }
        Instant modified = null;
        String mod = text(doc, "modified", file, "modified", false);
        if (!mod.isEmpty()) {
            try {
                modified = Instant.parse(mod);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(file + ": modified", "not an RFC 3339 time: " + mod);
            }
        }
        String vector = "";
        double score = -1;
        List<Object> severity = list(doc, "severity", file, "severity");
        for (int i = 0; i < severity.size(); i++) {
            String path = "severity[" + i + "]";
            Map<String, Object> s = object(severity.get(i), file, path);
            String type = text(s, "type", file, path + ".type", true);
            String value = text(s, "score", file, path + ".score", true);
            if (type.equals("CVSS_V3")) {
                try {
                    double v = Cvss3.baseScore(value);
                    if (v > score) {
                        score = v;
                        vector = value;
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(file + ": " + path + ".score", e.getMessage());
                }
            }
        }
        String topUrgency = urgency(doc);
        List<AffectedPackage> affected = new ArrayList<>();
        List<Object> aff = list(doc, "affected", file, "affected");
        for (int i = 0; i < aff.size(); i++) {
            affected.add(affected(object(aff.get(i), file, "affected[" + i + "]"), file, "affected[" + i + "]",
                    topUrgency));
        }
        RiskLevel risk = score >= 0 ? RiskLevel.ofScore(score) : worstUrgency(affected, topUrgency);
        return new Advisory(id, aliases, summary, modified, vector, score, risk, affected);
    }

    private static RiskLevel worstUrgency(List<AffectedPackage> affected, String top) {
        RiskLevel worst = RiskLevel.ofUrgency(top);
        for (AffectedPackage a : affected) {
            RiskLevel r = RiskLevel.ofUrgency(a.urgency());
            if (r.compareTo(worst) > 0) {
                worst = r;
            }
        }
        return worst;
    }

    private static AffectedPackage affected(Map<String, Object> a, String file, String path, String topUrgency) {
        Map<String, Object> pkg = object(a.get("package"), file, path + ".package");
        String ecosystem = text(pkg, "ecosystem", file, path + ".package.ecosystem", true);
        String name = text(pkg, "name", file, path + ".package.name", true);
        List<VersionRange> ranges = new ArrayList<>();
        List<Object> rs = list(a, "ranges", file, path + ".ranges");
        for (int r = 0; r < rs.size(); r++) {
            String rp = path + ".ranges[" + r + "]";
            Map<String, Object> range = object(rs.get(r), file, rp);
            String type = text(range, "type", file, rp + ".type", true);
            if (!type.equals("ECOSYSTEM")) {
                continue; // SEMVER and GIT ranges do not describe distribution package versions
            }
            List<Object> events = list(range, "events", file, rp + ".events");
            String introduced = null;
            for (int e = 0; e < events.size(); e++) {
                String ep = rp + ".events[" + e + "]";
                Map<String, Object> ev = object(events.get(e), file, ep);
                if (ev.get("introduced") != null) {
                    if (introduced != null) {
                        ranges.add(new VersionRange(introduced, "", ""));
                    }
                    introduced = text(ev, "introduced", file, ep + ".introduced", true);
                } else if (ev.get("fixed") != null) {
                    ranges.add(new VersionRange(introduced, text(ev, "fixed", file, ep + ".fixed", true), ""));
                    introduced = null;
                } else if (ev.get("last_affected") != null) {
                    ranges.add(new VersionRange(introduced, "",
                            text(ev, "last_affected", file, ep + ".last_affected", true)));
                    introduced = null;
                } else if (ev.get("limit") == null) {
                    throw new InvalidInputException(file + ": " + ep,
                            "needs one of introduced, fixed, last_affected, limit");
                }
            }
            if (introduced != null) {
                ranges.add(new VersionRange(introduced, "", ""));
            }
        }
        List<String> versions = new ArrayList<>();
        List<Object> vs = list(a, "versions", file, path + ".versions");
        for (int v = 0; v < vs.size(); v++) {
            if (!(vs.get(v) instanceof String s)) {
                throw new InvalidInputException(file + ": " + path + ".versions[" + v + "]", "must be a string");
            }
            versions.add(s);
        }
        String urgency = urgency(a);
        return new AffectedPackage(ecosystem, name, ranges, versions, urgency.isEmpty() ? topUrgency : urgency);
    }

    /** {@code database_specific.urgency} or {@code ecosystem_specific.urgency} (Debian's security tracker). */
    private static String urgency(Map<String, Object> node) {
        for (String key : List.of("ecosystem_specific", "database_specific")) {
            if (node.get(key) instanceof Map<?, ?> m && m.get("urgency") instanceof String s) {
                return s;
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String file, String path) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new InvalidInputException(file + ": " + path, value == null ? "missing" : "must be an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String key, String file, String path) {
        Object value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new InvalidInputException(file + ": " + path, "must be a list");
    }

    private static String text(Map<String, Object> node, String key, String file, String path, boolean required) {
        Object value = node.get(key);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(file + ": " + path, "missing");
            }
            return "";
        }
        if (value instanceof String s) {
            if (required && s.isBlank()) {
                throw new InvalidInputException(file + ": " + path, "must not be empty");
            }
            return s;
        }
        throw new InvalidInputException(file + ": " + path, "must be a string");
    }

    /** For callers that cannot throw IOException. */
    public static List<Advisory> readUnchecked(Path source) {
        try {
            return read(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
