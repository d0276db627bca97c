package org.opsbench.changes.tests;

import java.util.Set;

import org.opsbench.core.Principal;
import org.opsbench.security.IdentityAdmin;

/**
 * Real users of the security area with built-in roles, created once per test JVM (names unique per run: the workspace
 * database outlives a build without 'clean'): two board members (administrators, who hold {@code changes:approve}), an
 * operator and a viewer.
 */
final class People {

    static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    static final String PASSWORD = "Changes-Pass-4711";
    static final Principal SETUP = Principal.system("changes-tests");
    static final Principal CAB_1 = Principal.user("cab-a-" + RUN, "Ada Board");
    static final Principal CAB_2 = Principal.user("cab-b-" + RUN, "Bob Board");
    static final Principal OPERATOR = Principal.user("chg-op-" + RUN, "Olga Operator");
    static final Principal VIEWER = Principal.user("chg-view-" + RUN, "Vic Viewer");

    private static boolean created;

    private People() {
    }

    /** Creates the users (once). */
    static synchronized void ensure() throws Exception {
        if (created) {
            return;
        }
        IdentityAdmin admin = Osgi.service(IdentityAdmin.class);
        admin.createUser(SETUP, CAB_1.name(), CAB_1.displayName(), "", PASSWORD.toCharArray(),
                Set.of("administrator"));
        admin.createUser(SETUP, CAB_2.name(), CAB_2.displayName(), "", PASSWORD.toCharArray(),
                Set.of("administrator"));
        admin.createUser(SETUP, OPERATOR.name(), OPERATOR.displayName(), "", PASSWORD.toCharArray(),
                Set.of("operator"));
        admin.createUser(SETUP, VIEWER.name(), VIEWER.displayName(), "", PASSWORD.toCharArray(), Set.of("viewer"));
        created = true;
    }
}
