package org.opsbench.incidents;

import java.time.Duration;

import org.opsbench.core.Priority;

/**
 * SLA targets for tickets of one priority (and optionally one category), measured in business time of the
 * {@link BusinessCalendar}, with what happens when they are near or past.
 *
 * @param name
 *            unique name, for example {@code P1} or {@code P2-network}
 * @param priority
 *            the priority it applies to
 * @param category
 *            the category it applies to, or {@code null} for every category (a category policy wins over it)
 * @param response
 *            time from logging to the first response (leaving New)
 * @param resolution
 *            time from logging to resolution, not counting time in Pending
 * @param warnPercent
 *            share of the resolution target after which a near-breach warning is raised, 1..99 (usually 80)
 * @param escalation
 *            what a breach does
 */
public record SlaPolicy(String name, Priority priority, String category, Duration response, Duration resolution,
        int warnPercent, Escalation escalation) {

    /**
     * What a breach of the resolution target does besides the {@code SLA_BREACHED} event.
     *
     * @param raisePriority
     *            raise the ticket's priority by one step (not above P1)
     * @param reassignTo
     *            assignment group to move the ticket to, or {@code null} to keep it
     * @param alert
     *            post the breach with severity CRITICAL so that notifiers pick it up (otherwise MAJOR)
     */
    public record Escalation(boolean raisePriority, String reassignTo, boolean alert) {

        /** Only the event. */
        public static Escalation none() {
            return new Escalation(false, null, false);
        }
    }

    /** Validates. */
    public SlaPolicy {
        if (name == null || name.isBlank()) {
            throw new InvalidTicketException("name", "a policy needs a name");
        }
        if (priority == null) {
            throw new InvalidTicketException("priority", "a policy needs a priority");
        }
        category = category == null || category.isBlank() ? null : category.strip();
        if (response == null || response.isNegative() || response.isZero()) {
            throw new InvalidTicketException("response", "a positive duration is required");
        }
        if (resolution == null || resolution.compareTo(response) < 0) {
            throw new InvalidTicketException("resolution", "must be at least the response target " + response);
        }
        if (warnPercent < 1 || warnPercent > 99) {
            throw new InvalidTicketException("warnPercent", "1..99, was " + warnPercent);
        }
        escalation = escalation == null ? Escalation.none() : escalation;
    }
}
