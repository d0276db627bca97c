package org.opsbench.incidents;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.Principal;

/**
 * Tickets: incidents and service requests. Every method checks the caller's permission ({@link IncidentsPermissions});
 * every change is one transaction, is audited and posts an event on {@code org/opsbench/incidents/*} with the property
 * {@code reference}. Bad input throws {@link InvalidTicketException} naming the field; illegal state changes throw
 * {@link IllegalTransitionException} naming the allowed ones.
 */
public interface Incidents {

    /** Logs a ticket in state New, with priority from the matrix and SLA from the matching policy. */
    Ticket create(Principal caller, TicketDraft draft);

    /** The ticket with {@code reference}. */
    Optional<Ticket> ticket(Principal caller, String reference);

    /** Changes the editable fields (title, description, caller, category, CIs, impact, urgency). */
    Ticket update(Principal caller, String reference, TicketDraft fields);

    /** Moves the ticket to another state; see {@link TicketState#next()}. */
    Ticket transition(Principal caller, String reference, TransitionRequest request);

    /** The states the ticket may move to now (the reopen window applied), for offering only legal transitions. */
    Set<TicketState> transitions(Principal caller, String reference);

    /**
     * Sets the assignment group and assignee (either may be {@code null}); a New ticket with an assignee becomes
     * Assigned.
     */
    Ticket assign(Principal caller, String reference, String group, String assignee);

    /** Adds a comment, or work done when {@code timeSpent} is positive. */
    void addWorklog(Principal caller, String reference, String text, Duration timeSpent);

    /** The worklog, oldest first. */
    List<WorklogEntry> worklog(Principal caller, String reference);

    /** Attaches a file (refused naming {@code content} when larger than the configured limit). */
    Attachment attach(Principal caller, String reference, String name, String contentType, byte[] content);

    /** The attachments of a ticket. */
    List<Attachment> attachments(Principal caller, String reference);

    /** The content of an attachment. */
    byte[] attachmentContent(Principal caller, long attachmentId);

    /** Removes an attachment (refused naming {@code attachment} when there is none with that id). */
    void removeAttachment(Principal caller, long attachmentId);

    /** One page of a queue, for {@code caller} (who is "me" for {@link QueueQuery.Scope#MINE}). */
    List<Ticket> queue(Principal caller, QueueQuery query);

    /** How many tickets the query matches (ignoring offset and limit). */
    long count(Principal caller, QueueQuery query);

    /**
     * Imports tickets from CSV (header line first; see docs/incidents.md for the columns) in one transaction: when any
     * line is wrong nothing is imported and the result lists the errors with line numbers.
     *
     * @throws IOException
     *             when reading fails; nothing is imported then either
     */
    ImportResult importCsv(Principal caller, Reader csv) throws IOException;

    /** Writes the tickets of {@code query} (all pages) as CSV in the import format plus read-only columns. */
    long exportCsv(Principal caller, QueueQuery query, Writer out) throws IOException;

    /** Service-desk figures for tickets of the period {@code [from, to)}. */
    Metrics metrics(Principal caller, Instant from, Instant to);

    /** Published known errors that match the ticket (its title, description or CIs), with their workaround. */
    List<Problem> knownErrorsFor(Principal caller, String reference);
}
