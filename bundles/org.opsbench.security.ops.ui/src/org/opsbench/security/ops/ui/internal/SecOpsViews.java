package org.opsbench.security.ops.ui.internal;

/** The element ids of the security operations views. */
public final class SecOpsViews {

    /** The compliance board. */
    public static final String BOARD = "org.opsbench.security.ops.ui.part.board";
    /** The findings view. */
    public static final String FINDINGS = "org.opsbench.security.ops.ui.part.findings";
    /** The port audit view. */
    public static final String PORTS = "org.opsbench.security.ops.ui.part.ports";
    /** The security events view. */
    public static final String EVENTS = "org.opsbench.security.ops.ui.part.events";
    /** The widget id of the accept-risk dialog's shell. */
    public static final String ACCEPT_DIALOG = "dialog.secops.accept";

    private SecOpsViews() {
    }
}
