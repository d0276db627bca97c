package org.opsbench.security.ops.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.opsbench.security.ops.RiskLevel;

/** Formatting and colours for the security operations views. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    static Color risk(RiskLevel r) {
        Display d = Display.getCurrent();
        return switch (r) {
            case CRITICAL -> new Color(d, 0xef, 0x9a, 0x9a);
            case HIGH -> new Color(d, 0xff, 0xcc, 0x80);
            case MEDIUM -> new Color(d, 0xff, 0xf5, 0x9d);
            case LOW -> new Color(d, 0xc5, 0xe1, 0xa5);
            case NONE -> null;
        };
    }

    static Color good(boolean ok) {
        Display d = Display.getCurrent();
        return ok ? new Color(d, 0xc8, 0xe6, 0xc9) : new Color(d, 0xff, 0xcd, 0xd2);
    }
}
