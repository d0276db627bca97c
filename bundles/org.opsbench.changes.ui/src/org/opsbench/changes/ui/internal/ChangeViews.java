package org.opsbench.changes.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.opsbench.changes.ChangeState;

/** The changes views' part ids, the shared selection and small helpers. */
public final class ChangeViews {

    /** Part ids. */
    public static final String LIST = "org.opsbench.changes.ui.part.list";
    /** The change editor. */
    public static final String EDITOR = "org.opsbench.changes.ui.part.editor";
    /** The approval inbox. */
    public static final String INBOX = "org.opsbench.changes.ui.part.inbox";
    /** The change calendar. */
    public static final String CALENDAR = "org.opsbench.changes.ui.part.calendar";
    /** The execution log. */
    public static final String EXECUTION = "org.opsbench.changes.ui.part.execution";
    /** Baselines and their diff. */
    public static final String BASELINES = "org.opsbench.changes.ui.part.baselines";
    /** What changed before a moment. */
    public static final String CORRELATION = "org.opsbench.changes.ui.part.correlation";

    /** The application context key of the change the views show (its reference). */
    public static final String SELECTED = "org.opsbench.changes.ui.selected";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ChangeViews() {
    }

    /** Makes {@code reference} the change every changes view shows. */
    public static void select(MApplication app, String reference) {
        app.getContext().set(SELECTED, reference);
    }

    /** A time as the views show it (local, to the minute), or empty. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A time typed as the views show it, or ISO-8601; empty is {@code null}. */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + ": a time like 2026-12-24 18:00, was '" + text + "'");
            }
        }
    }

    /** The background of a state in lists and the calendar. */
    public static Color color(Display d, ChangeState s) {
        return switch (s) {
            case IMPLEMENTED, REVIEWED, CLOSED -> new Color(d, 200, 235, 200);
            case FAILED, REJECTED -> new Color(d, 245, 190, 190);
            case ROLLED_BACK -> new Color(d, 250, 220, 170);
            case IMPLEMENTING -> new Color(d, 170, 200, 250);
            case SCHEDULED, APPROVED -> new Color(d, 215, 225, 250);
            default -> d.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
        };
    }
}
