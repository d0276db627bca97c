package org.opsbench.core.security;

/**
 * Where sessions keep the acting {@link org.opsbench.core.Principal}, so that every area's console commands and UI
 * parts find the same one without importing the security area.
 */
public final class SessionKeys {

    /**
     * Name of the console (Gogo {@code CommandSession}) variable, and of the E4 context entry, holding the logged-in
     * {@link org.opsbench.core.Principal}.
     */
    public static final String PRINCIPAL = "opsbench.principal";

    private SessionKeys() {
    }
}
