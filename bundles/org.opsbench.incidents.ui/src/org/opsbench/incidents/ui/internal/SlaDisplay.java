package org.opsbench.incidents.ui.internal;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.opsbench.incidents.Sla;
import org.opsbench.incidents.TicketState;

/** How a ticket's SLA clock reads in lists: time left, and its colour (green, amber past the warning, red, grey). */
public final class SlaDisplay {

    /** Colour levels. */
    public enum Level {
        /** No SLA, closed or paused. */
        NONE(new RGB(230, 230, 230)),
        /** Within target. */
        OK(new RGB(200, 238, 200)),
        /** Past the near-breach share. */
        WARNING(new RGB(255, 225, 150)),
        /** Breached or overdue. */
        BREACHED(new RGB(245, 170, 170));

        private final RGB rgb;

        Level(RGB rgb) {
            this.rgb = rgb;
        }

        /** The background colour. */
        public RGB rgb() {
            return rgb;
        }
    }

    private SlaDisplay() {
    }

    /** The level of a ticket's clock at {@code now}. */
    public static Level level(Sla sla, TicketState state, Instant now) {
        if (sla.policy() == null || !state.isOpen()) {
            return sla.breached() ? Level.BREACHED : Level.NONE;
        }
        if (sla.breached() || (sla.resolutionDue() != null && sla.resolutionDue().isBefore(now))) {
            return Level.BREACHED;
        }
        if (sla.paused()) {
            return Level.NONE;
        }
        return sla.warned() || sla.percentUsed() >= 80 ? Level.WARNING : Level.OK;
    }

    /** {@code 3h 20m left}, {@code 2d 4h left}, {@code overdue 1h 5m}, {@code paused}, {@code met}, or empty. */
    public static String text(Sla sla, TicketState state, Instant now) {
        if (sla.policy() == null) {
            return "";
        }
        if (!state.isOpen()) {
            return sla.breached() ? "breached" : "met";
        }
        if (sla.paused() || sla.resolutionDue() == null) {
            return "paused";
        }
        Duration left = Duration.between(now, sla.resolutionDue());
        return left.isNegative() ? "overdue " + span(left.negated()) : span(left) + " left";
    }

    static String span(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return Math.max(0, d.toMinutes()) + "m";
    }

    /** The colour of a level. */
    public static Color color(Level level) {
        RGB c = level.rgb();
        return new Color(c.red, c.green, c.blue);
    }
}
