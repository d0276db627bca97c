package org.opsbench.monitoring.ui.internal;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * The colours of states, as operators know them from Nagios, Icinga and Checkmk: OK/UP green, WARNING yellow,
 * CRITICAL/DOWN red, UNKNOWN purple, UNREACHABLE orange, PENDING grey. A SOFT state (not yet confirmed) is the pale
 * tint of its colour.
 */
public final class StateColors {

    private static final Map<BoardState, RGB> FULL = new EnumMap<>(BoardState.class);
    static {
        FULL.put(BoardState.OK, new RGB(0x2e, 0x9d, 0x5b));
        FULL.put(BoardState.UP, new RGB(0x2e, 0x9d, 0x5b));
        FULL.put(BoardState.WARNING, new RGB(0xf2, 0xc0, 0x1e));
        FULL.put(BoardState.CRITICAL, new RGB(0xd0, 0x3b, 0x3b));
        FULL.put(BoardState.DOWN, new RGB(0xd0, 0x3b, 0x3b));
        FULL.put(BoardState.UNKNOWN, new RGB(0x8e, 0x5b, 0xb5));
        FULL.put(BoardState.UNREACHABLE, new RGB(0xe0, 0x70, 0x2b));
        FULL.put(BoardState.PENDING, new RGB(0x9a, 0xa0, 0xa8));
    }

    private StateColors() {
    }

    /** The colour of {@code state}; the pale tint when {@code soft}. */
    public static RGB rgb(BoardState state, boolean soft) {
        RGB full = FULL.get(state);
        return soft ? new RGB(tint(full.red), tint(full.green), tint(full.blue)) : full;
    }

    /** The cell background of {@code state}. */
    public static Color background(BoardState state, boolean soft) {
        return new Color(rgb(state, soft));
    }

    /** The text colour that reads on that background: black on yellow and pale tints, else white. */
    public static Color foreground(BoardState state, boolean soft) {
        RGB bg = rgb(state, soft);
        int luminance = (bg.red * 299 + bg.green * 587 + bg.blue * 114) / 1000;
        return new Color(luminance > 150 ? new RGB(0x1f, 0x23, 0x28) : new RGB(0xff, 0xff, 0xff));
    }

    private static int tint(int channel) {
        return channel + (255 - channel) * 3 / 5;
    }
}
