package org.opsbench.incidents.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.Priority;
import org.opsbench.incidents.Sla;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.internal.store.TicketRow;

/**
 * The SLA clock of a ticket, kept in its row: targets from the policy, business time paused in Pending (and while
 * Resolved, so that a reopened ticket goes on where it stopped), and the deadlines derived from both. Pure logic.
 * <p>
 * The resolution deadline is {@code created + (target + paused)} in business time: the business time elapsed minus the
 * business time paused reaches the target exactly there. While paused there is no deadline.
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** The policy for {@code priority} and {@code category}: a category policy first, then one for any category. */
    public static Optional<SlaPolicy> select(List<SlaPolicy> policies, Priority priority, String category) {
        return policies.stream().filter(p -> p.priority() == priority)
                .filter(p -> p.category() == null || p.category().equalsIgnoreCase(category))
                .min(Comparator.comparing((SlaPolicy p) -> p.category() == null).thenComparing(SlaPolicy::name));
    }

    /** Applies {@code policy} (or none) to the row, keeping what is paused, and recomputes the deadlines. */
    public static void apply(TicketRow t, Optional<SlaPolicy> policy, BusinessTime time) {
        if (policy.isEmpty()) {
            t.slaPolicy = null;
            t.responseTargetMs = 0;
            t.resolutionTargetMs = 0;
        } else {
            SlaPolicy p = policy.get();
            t.slaPolicy = p.name();
            t.responseTargetMs = p.response().toMillis();
            t.resolutionTargetMs = p.resolution().toMillis();
            t.warnPercent = p.warnPercent();
        }
        recompute(t, time);
    }

    /** Recomputes the deadlines from the targets, the logging time and the pauses. */
    public static void recompute(TicketRow t, BusinessTime time) {
        if (t.slaPolicy == null) {
            t.responseDue = null;
            t.resolutionDue = null;
            t.warnAt = null;
            return;
        }
        Instant created = Instant.ofEpochMilli(t.created);
        t.responseDue = time.plus(created, Duration.ofMillis(t.responseTargetMs)).toEpochMilli();
        if (t.pauseStart != null) {
            t.resolutionDue = null;
            t.warnAt = null;
            return;
        }
        t.resolutionDue = time.plus(created, Duration.ofMillis(t.resolutionTargetMs + t.pausedMs)).toEpochMilli();
        t.warnAt = time.plus(created, Duration.ofMillis(t.resolutionTargetMs * t.warnPercent / 100 + t.pausedMs))
                .toEpochMilli();
    }

    /** Stops the clock at {@code now} (entering Pending or Resolved); no-op when already stopped. */
    public static void pause(TicketRow t, Instant now) {
        if (t.pauseStart == null) {
            t.pauseStart = now.toEpochMilli();
            t.resolutionDue = null;
            t.warnAt = null;
        }
    }

    /** Runs the clock again at {@code now}, adding the paused business time; no-op when running. */
    public static void resume(TicketRow t, Instant now, BusinessTime time) {
        if (t.pauseStart != null) {
            t.pausedMs += time.between(Instant.ofEpochMilli(t.pauseStart), now).toMillis();
            t.pauseStart = null;
            recompute(t, time);
        }
    }

    /** Business time counted against the resolution target at {@code now}. */
    public static Duration used(TicketRow t, Instant now, BusinessTime time) {
        Instant created = Instant.ofEpochMilli(t.created);
        long elapsed = time.between(created, now).toMillis() - t.pausedMs;
        if (t.pauseStart != null) {
            elapsed -= time.between(Instant.ofEpochMilli(t.pauseStart), now).toMillis();
        }
        return Duration.ofMillis(Math.max(0, elapsed));
    }

    /** The clock as the API shows it at {@code now}. */
    public static Sla view(TicketRow t, Instant now, BusinessTime time) {
        if (t.slaPolicy == null) {
            return Sla.none();
        }
        long used = used(t, now, time).toMillis();
        int percent = t.resolutionTargetMs == 0 ? 0 : (int) Math.min(999, used * 100 / t.resolutionTargetMs);
        return new Sla(t.slaPolicy, instant(t.responseDue), instant(t.resolutionDue), t.pauseStart != null, percent,
                t.warned, t.breached || t.responseBreached);
    }

    /** The same view from the stored columns only, without calendar arithmetic (for queue pages). */
    public static Sla quickView(TicketRow t, Instant now) {
        if (t.slaPolicy == null) {
            return Sla.none();
        }
        int percent;
        if (t.resolutionDue == null || t.resolutionTargetMs == 0) {
            percent = t.warned ? t.warnPercent : 0;
        } else {
            // wall-clock share of the remaining window: good enough to colour a queue row
            long due = t.resolutionDue;
            long start = t.created;
            percent = due <= start
                    ? 100
                    : (int) Math.min(999, Math.max(0, (now.toEpochMilli() - start) * 100
                            / (due - start)));
            if (t.warned) {
                percent = Math.max(percent, t.warnPercent);
            }
            if (t.breached) {
                percent = Math.max(percent, 100);
            }
        }
        return new Sla(t.slaPolicy, instant(t.responseDue), instant(t.resolutionDue), t.pauseStart != null, percent,
                t.warned, t.breached || t.responseBreached);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
