package org.opsbench.security.ops.internal.osv;

import java.util.HashMap;
import java.util.Map;

/** The CVSS v3.0/v3.1 base score of a vector string, by the specification's formula (section 7.1, Roundup of 3.1). */
public final class Cvss3 {

    private Cvss3() {
    }

    /**
     * The base score of {@code vector} ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}).
     *
     * @throws IllegalArgumentException
     *             naming the metric that is missing or has a bad value
     */
    public static double baseScore(String vector) {
        String[] parts = vector.strip().split("/");
        if (parts.length == 0 || !parts[0].matches("CVSS:3\\.[01]")) {
            throw new IllegalArgumentException("not a CVSS v3 vector (must start with CVSS:3.0/ or CVSS:3.1/): "
                    + vector);
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bad metric '" + parts[i] + "' in " + vector);
            }
            m.put(parts[i].substring(0, colon), parts[i].substring(colon + 1));
        }
        boolean changed = switch (metric(m, "S", vector)) {
            case "U" -> false;
            case "C" -> true;
            default -> throw bad("S", m, vector);
        };
        double av = switch (metric(m, "AV", vector)) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            case "P" -> 0.2;
            default -> throw bad("AV", m, vector);
        };
        double ac = switch (metric(m, "AC", vector)) {
            case "L" -> 0.77;
            case "H" -> 0.44;
            default -> throw bad("AC", m, vector);
        };
        double pr = switch (metric(m, "PR", vector)) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            case "H" -> changed ? 0.5 : 0.27;
            default -> throw bad("PR", m, vector);
        };
        double ui = switch (metric(m, "UI", vector)) {
            case "N" -> 0.85;
            case "R" -> 0.62;
            default -> throw bad("UI", m, vector);
        };
        double c = cia(m, "C", vector);
        double in = cia(m, "I", vector);
        double a = cia(m, "A", vector);
        double iss = 1 - (1 - c) * (1 - in) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) {
            return 0;
        }
        return changed
                ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
                : roundUp(Math.min(impact + exploitability, 10));
    }

    private static double cia(Map<String, String> m, String key, String vector) {
        return switch (metric(m, key, vector)) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            case "N" -> 0;
            default -> throw bad(key, m, vector);
        };
    }

    private static String metric(Map<String, String> m, String key, String vector) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metric " + key + " missing in " + vector);
        }
        return v;
    }

    private static IllegalArgumentException bad(String key, Map<String, String> m, String vector) {
        return new IllegalArgumentException("metric " + key + " has the bad value '" + m.get(key) + "' in " + vector);
    }

    /** CVSS v3.1 Roundup: the smallest number with one decimal that is at least {@code value}. */
    static double roundUp(double value) {
        long scaled = Math.round(value * 100000);
        if (scaled % 10000 == 0) {
            return scaled / 100000.0;
        }
        return (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }
}
