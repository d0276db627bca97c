package org.opsbench.security;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;

/**
 * Reading side of the audit log: search, CSV export and verification of the hash chain. Every method needs
 * {@value SecurityPermissions#AUDIT_READ}.
 */
public interface AuditTrail {

    /** Records matching {@code query}, newest first. */
    List<AuditRecord> search(Principal actor, AuditQuery query);

    /**
     * Writes the records matching {@code query} as CSV (RFC 4180, header line, oldest first) and returns how many.
     */
    long exportCsv(Principal actor, AuditQuery query, Writer out) throws IOException;

    /**
     * Recomputes the hash chain over the whole trail: any changed, inserted or deleted record is found. A broken chain
     * is posted as {@code org/opsbench/security/AUDIT_TAMPERED} and audited itself.
     */
    ChainVerification verify(Principal actor);
}
