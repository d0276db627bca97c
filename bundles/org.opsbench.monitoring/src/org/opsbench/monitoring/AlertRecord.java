package org.opsbench.monitoring;

import java.time.Instant;

/**
 * One entry of the alert log: a notification that went out, failed, or was held back.
 *
 * @param id
 *            sequence number
 * @param time
 *            when it was decided
 * @param key
 *            the host or check
 * @param state
 *            the state it was about ({@code CRITICAL}, {@code OK}, {@code DOWN}...)
 * @param kind
 *            why it was raised
 * @param rule
 *            the notification rule, or {@code null} when held back before rules were consulted
 * @param notifier
 *            the notifier it went to, or {@code null}
 * @param outcome
 *            what happened
 * @param detail
 *            the summary line, or why it failed or was held back
 */
public record AlertRecord(long id, Instant time, CheckKey key, String state, Kind kind, String rule, String notifier,
        Outcome outcome, String detail) {

    /** Why a notification was raised. */
    public enum Kind {
        /** A hard problem state. */
        PROBLEM,
        /** A hard return to OK/UP after a problem was notified. */
        RECOVERY,
        /** The problem lasts, unacknowledged, past the rule's repeat interval. */
        REPEAT,
        /** The problem lasts, unacknowledged, past the rule's escalation delay. */
        ESCALATION,
        /** Flapping started or stopped. */
        FLAPPING,
        /** An operator acknowledged it. */
        ACKNOWLEDGEMENT
    }

    /** What became of it. */
    public enum Outcome {
        /** Delivered by the notifier. */
        SENT,
        /** The notifier failed after its retries. */
        FAILED,
        /** Held back: maintenance window. */
        SUPPRESSED_DOWNTIME,
        /** Held back: the host is down or unreachable. */
        SUPPRESSED_UNREACHABLE,
        /** Held back: the state is flapping. */
        SUPPRESSED_FLAPPING,
        /** No rule matched. */
        NO_RULE
    }
}
