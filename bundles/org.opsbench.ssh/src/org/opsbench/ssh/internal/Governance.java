package org.opsbench.ssh.internal;

import java.util.Map;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditEntry;

/** The house path of every state change: permission, audit, event. Implemented by the component over its services. */
interface Governance {

    /** Returns when {@code who} holds {@code permission}, else throws {@code NotAllowedException}. */
    void check(Principal who, String permission);

    void audit(AuditEntry entry);

    void post(String topic, Map<String, Object> properties);
}
