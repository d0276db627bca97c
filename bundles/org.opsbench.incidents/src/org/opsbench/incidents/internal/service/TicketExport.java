package org.opsbench.incidents.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.internal.store.TicketStore;

/** The CSV export: the import's columns first (so an export imports again), then read-only ones. */
final class TicketExport {

    static final List<String> HEADER = List.of("reference", "kind", "title", "description", "caller", "category",
            "impact", "urgency", "group", "assignee", "cis", "state", "priority", "created", "resolution_due");

    private TicketExport() {
    }

    static long write(TicketStore store, QueueQuery query, String me, Collection<String> groups, Writer out)
            throws IOException {
        Csv.write(out, HEADER);
        try {
            return store.scan(query, me, groups, t -> {
                try {
                    Csv.write(out, List.of(t.reference, t.kind.name(), t.title, t.description, t.caller, t.category,
                            Integer.toString(t.impact), Integer.toString(t.urgency), t.group == null ? "" : t.group,
                            t.assignee == null ? "" : t.assignee,
                            t.cis.stream().map(ci -> ci.id()).collect(Collectors.joining(";")), t.state.name(),
                            t.priority.name(), Instant.ofEpochMilli(t.created).toString(),
                            t.resolutionDue == null ? "" : Instant.ofEpochMilli(t.resolutionDue).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (SQLException e) {
            throw TicketService.database(e);
        } finally {
            out.flush();
        }
    }
}
