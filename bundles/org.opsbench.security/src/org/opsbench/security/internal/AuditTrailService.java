package org.opsbench.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.ChainVerification;
import org.opsbench.security.SecurityPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Search, export and verification of the audit trail. */
@Component(service = AuditTrail.class)
public final class AuditTrailService implements AuditTrail {

    private final AccessControl access;
    private final AuditLogService log;
    private final EventAdmin events;

    @Activate
    public AuditTrailService(@Reference AccessControl access, @Reference AuditLogService log,
            @Reference EventAdmin events) {
        this.access = access;
        this.log = log;
        this.events = events;
    }

    @Override
    public List<AuditRecord> search(Principal actor, AuditQuery query) {
        access.check(actor, SecurityPermissions.AUDIT_READ);
        List<AuditRecord> records = new ArrayList<>();
        log.reader().search(query, false, records::add);
        return records;
    }

    @Override
    public long exportCsv(Principal actor, AuditQuery query, Writer out) throws IOException {
        access.check(actor, SecurityPermissions.AUDIT_READ);
        out.write("sequence,time,principal,kind,action,object_type,object_id,summary,before,after,hash\r\n");
        long[] count = {0};
        try {
            log.reader().search(query, true, r -> {
                AuditEntry e = r.entry();
                try {
                    out.write(String.join(",", Long.toString(r.sequence()), r.time().toString(),
                            csv(e.principal().name()), e.principal().kind().name(), csv(e.action()),
                            csv(e.objectType()), csv(e.objectId()), csv(e.summary()), csv(e.before()),
                            csv(e.after()), r.hash()));
                    out.write("\r\n");
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        log.append(AuditEntry.of(actor, "security.audit.export", "audit", null,
                "exported " + count[0] + " audit records as CSV"));
        return count[0];
    }

    @Override
    public ChainVerification verify(Principal actor) {
        access.check(actor, SecurityPermissions.AUDIT_READ);
        ChainVerification result = log.reader().verify();
        if (result.intact()) {
            log.append(AuditEntry.of(actor, "security.audit.verify", "audit", null,
                    "audit chain intact over " + result.checked() + " records"));
        } else {
            // appended after the break: the verification itself stays on record
            log.append(AuditEntry.of(actor, "security.audit.tampered", "audit",
                    Long.toString(result.firstBadSequence()), result.problem()));
            events.postEvent(new Event(Topics.SECURITY_AUDIT_TAMPERED, Map.of(EventProperties.PRINCIPAL,
                    actor.name(), EventProperties.REASON, result.problem(), EventProperties.TIMESTAMP,
                    System.currentTimeMillis())));
        }
        return result;
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
