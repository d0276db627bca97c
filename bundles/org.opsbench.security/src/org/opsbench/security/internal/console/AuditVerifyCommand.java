package org.opsbench.security.internal.console;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.ChainVerification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code audit-verify}: recomputes the audit hash chain. */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=audit-verify"})
public final class AuditVerifyCommand extends SecurityCommand {

    private final AuditTrail trail;

    @Activate
    public AuditVerifyCommand(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    String name() {
        return "audit-verify";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        ChainVerification v = trail.verify(principal(session));
        return v.intact()
                ? "audit chain intact: " + v.checked() + " records"
                : "AUDIT CHAIN BROKEN at record " + v.firstBadSequence() + ": " + v.problem();
    }
}
