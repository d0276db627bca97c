package org.opsbench.security.internal;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.AuditRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The audit log: hash-chained records in {@code SECURITY_AUDIT}, appended by a group-committing writer. */
@Component(service = {AuditLog.class, AuditLogService.class})
public final class AuditLogService implements AuditLog {

    private final AuditWriter writer;
    private final SecurityDatabase database;

    @Activate
    public AuditLogService(@Reference SecurityDatabase database) {
        this.database = database;
        this.writer = new AuditWriter(database.dataSource()::getConnection, Clock.systemUTC());
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        return writer.append(entry);
    }

    /** Appends without waiting for the commit (for callers that pipeline, such as the benchmark). */
    public CompletableFuture<AuditRecord> appendAsync(AuditEntry entry) {
        return writer.submit(entry);
    }

    AuditReader reader() {
        return new AuditReader(database.dataSource());
    }

    @Deactivate
    void close() {
        writer.close();
    }
}
