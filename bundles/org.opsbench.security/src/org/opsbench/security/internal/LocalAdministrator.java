package org.opsbench.security.internal;

import org.opsbench.core.Principal;

/** The principal of a single-user workspace: {@code local:<os user>}. */
final class LocalAdministrator {

    private LocalAdministrator() {
    }

    static String name() {
        return "local:" + System.getProperty("user.name", "user");
    }

    static Principal principal() {
        return Principal.user(name(), "Local administrator (" + System.getProperty("user.name", "user") + ")");
    }
}
