package org.opsbench.incidents.internal.service;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.Attachment;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.store.AttachmentStore;
import org.opsbench.incidents.internal.store.TicketRow;
import org.opsbench.incidents.internal.store.TicketStore;

/**
 * The attachments of tickets for {@link TicketService}: permission check, the size limit of the settings, one
 * transaction (attachment, worklog line and the ticket's update time together), audit record, then the event.
 */
final class TicketAttachments {

    private final IncidentsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;

    TicketAttachments(IncidentsRuntime runtime, AccessControl access, AuditLog audit) {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
    }

    private TicketStore store() {
        return runtime.tickets();
    }

    Attachment attach(Principal caller, String ref, String name, String contentType, byte[] content) {
        access.check(caller, IncidentsPermissions.WRITE);
        String file = Validation.text("name", name == null ? "" : name.strip(), 255, true);
        String type = contentType == null || contentType.isBlank()
                ? "application/octet-stream"
                : Validation.text("contentType", contentType.strip(), 100, false);
        if (content == null) {
            throw new InvalidTicketException("content", "is required");
        }
        long limit = runtime.settings().attachmentLimit();
        if (content.length > limit) {
            throw new InvalidTicketException("content", file + " has " + content.length
                    + " bytes, more than the limit of " + limit + " bytes");
        }
        Instant now = runtime.clock().instant();
        long[] id = new long[1];
        TicketRow t;
        try {
            t = store().inTransaction(c -> {
                TicketRow row = store().lock(c, ref)
                        .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + ref));
                id[0] = AttachmentStore.add(c, row.id, file, type, content, now, caller.name());
                TicketStore.addWorklog(c, row.id, new WorklogEntry(now, caller.name(), WorklogEntry.Kind.SYSTEM,
                        "attached " + file + " (" + content.length + " bytes)", Duration.ZERO));
                row.updated = now.toEpochMilli();
                store().update(c, row);
                return row;
            });
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
        audit.append(new AuditEntry(caller, "incidents.ticket.attach", "ticket", ref,
                "attached " + file + " to " + ref, null, file + " " + content.length + " bytes " + type));
        runtime.post(Topics.INCIDENTS_UPDATED, TicketEvents.of(t, caller, now.toEpochMilli()));
        return new Attachment(id[0], file, type, content.length, now, caller.name());
    }

    List<Attachment> list(Principal caller, String ref) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            TicketRow t = store().find(ref)
                    .orElseThrow(() -> new InvalidTicketException("reference", "no ticket " + ref));
            return AttachmentStore.list(store().dataSource(), t.id);
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
    }

    byte[] content(Principal caller, long attachmentId) {
        access.check(caller, IncidentsPermissions.READ);
        try {
            return AttachmentStore.content(store().dataSource(), attachmentId)
                    .orElseThrow(() -> new InvalidTicketException("attachment", "no attachment " + attachmentId));
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
    }

    void remove(Principal caller, long attachmentId) {
        access.check(caller, IncidentsPermissions.WRITE);
        Instant now = runtime.clock().instant();
        Object[] result = new Object[2];
        try {
            store().inTransaction(c -> {
                AttachmentStore.AttachmentOf a = AttachmentStore.find(c, attachmentId)
                        .orElseThrow(() -> new InvalidTicketException("attachment", "no attachment " + attachmentId));
                TicketRow row = store().lock(c, a.ticketReference())
                        .orElseThrow(() -> new InvalidTicketException("reference", "no ticket "
                                + a.ticketReference()));
                AttachmentStore.remove(c, attachmentId);
                TicketStore.addWorklog(c, row.id, new WorklogEntry(now, caller.name(), WorklogEntry.Kind.SYSTEM,
                        "removed the attachment " + a.attachment().name(), Duration.ZERO));
                row.updated = now.toEpochMilli();
                store().update(c, row);
                result[0] = row;
                result[1] = a.attachment();
                return null;
            });
        } catch (SQLException e) {
            throw TicketService.database(e);
        }
        TicketRow t = (TicketRow) result[0];
        Attachment a = (Attachment) result[1];
        audit.append(new AuditEntry(caller, "incidents.ticket.detach", "ticket", t.reference,
                "removed the attachment " + a.name() + " from " + t.reference,
                a.name() + " " + a.size() + " bytes " + a.contentType(), null));
        runtime.post(Topics.INCIDENTS_UPDATED, TicketEvents.of(t, caller, now.toEpochMilli()));
    }
}
