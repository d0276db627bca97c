package org.opsbench.assets.internal.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.assets.InvalidItemException;

/** Expands discovery targets: names and addresses as given, {@code a.b.c.10-20} as the range of last octets. */
public final class Targets {

    /** The most targets one run takes. */
    public static final int MAX = 4096;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.)(\\d{1,3})-(\\d{1,3})");

    private Targets() {
    }

    /** The targets, each once, in order. */
    public static List<String> expand(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String raw : given) {
            for (String t : raw.split("[,\\s]+")) {
                if (t.isBlank()) {
                    continue;
                }
                Matcher m = RANGE.matcher(t);
                if (m.matches()) {
                    int from = Integer.parseInt(m.group(2));
                    int to = Integer.parseInt(m.group(3));
                    if (from > to || to > 255) {
                        throw new InvalidItemException("targets", "a range runs up from 0 to 255, was '" + t + "'");
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(m.group(1) + i);
                    }
                } else if (t.matches("[A-Za-z0-9_.:-]+")) {
                    out.add(t);
                } else {
                    throw new InvalidItemException("targets", "not a host name, address or range: '" + t + "'");
                }
                if (out.size() > MAX) {
                    throw new InvalidItemException("targets", "at most " + MAX + " targets in one run");
                }
            }
        }
        if (out.isEmpty()) {
            throw new InvalidItemException("targets", "name at least one host");
        }
        return new ArrayList<>(out);
    }
}
