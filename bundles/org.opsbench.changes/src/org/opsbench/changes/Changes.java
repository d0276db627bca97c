package org.opsbench.changes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;

/**
 * Requests for change: their fields, workflow, approvals, risk, calendar, freeze windows and templates. Every write
 * checks a {@link ChangePermissions permission}, runs in one transaction, is audited and posted as an event
 * ({@link org.opsbench.core.events.Topics#CHANGES_UPDATED}); a refused move names the allowed ones.
 */
public interface Changes {

    /** Creates a change in DRAFT; its affected items are confirmed with the CMDB when one is installed. */
    ChangeRequest create(Principal caller, ChangeDraft draft);

    /** Creates a STANDARD change in DRAFT from the template {@code template}, for {@code items} in a window. */
    ChangeRequest createFromTemplate(Principal caller, String template, List<CiRef> items, Instant start,
            Instant end);

    /** Replaces the fields of a change in DRAFT (the window also while SUBMITTED, ASSESSED or APPROVED). */
    ChangeRequest update(Principal caller, String reference, ChangeDraft draft);

    /** The change numbered {@code reference}. */
    Optional<ChangeRequest> find(Principal caller, String reference);

    /** The changes in {@code states} (all when empty), newest first, at most {@code limit}. */
    List<ChangeRequest> list(Principal caller, Set<ChangeState> states, int limit);

    /** The states the change may move to now, as the workflow and the caller's permissions allow. */
    Set<ChangeState> allowedTransitions(Principal caller, String reference);

    /**
     * Moves the change to {@code target}.
     *
     * @throws IllegalTransitionException
     *             when the workflow does not go there (the message names the allowed states)
     * @throws IllegalStateException
     *             when a guard refuses (quorum not reached, no window, freeze)
     */
    ChangeRequest transition(Principal caller, String reference, ChangeState target, String comment);

    /** Submits: SUBMITTED, or APPROVED for a standard change (pre-approved). */
    ChangeRequest submit(Principal caller, String reference);

    /**
     * Records the caller's approval as a board member; the change is APPROVED when the quorum is reached (an emergency
     * change already under way is post-approved).
     */
    ChangeRequest approve(Principal caller, String reference, String comment);

    /** Records the caller's rejection; the change is REJECTED. */
    ChangeRequest reject(Principal caller, String reference, String comment);

    /** How many approvals a change of {@code type} needs. */
    int quorum(ChangeType type);

    /**
     * Sets the implementation window and moves the change to SCHEDULED. Refused inside a freeze window unless the
     * change is an emergency. Returns the conflicts with other changes on the same items (allowed, but shown).
     */
    List<Conflict> schedule(Principal caller, String reference, Instant start, Instant end);

    /** The changes on the workflow path from creation on, oldest first. */
    List<HistoryEntry> history(Principal caller, String reference);

    /** The risk of the change now, with its reasons (not stored; ASSESSED stores one). */
    RiskAssessment assessRisk(Principal caller, String reference);

    /** The calendar of {@code [from, to)}. */
    ChangeCalendar calendar(Principal caller, Instant from, Instant to);

    /** The conflicts of one change with the others scheduled. */
    List<Conflict> conflicts(Principal caller, String reference);

    /** Stores a freeze window (id 0: new). */
    FreezeWindow saveFreeze(Principal caller, FreezeWindow freeze);

    /** Deletes a freeze window; returns whether there was one. */
    boolean deleteFreeze(Principal caller, long id);

    /** The freeze windows overlapping {@code [from, to)}. */
    List<FreezeWindow> freezes(Principal caller, Instant from, Instant to);

    /** Stores or replaces a standard template (needs the approve permission: it pre-approves). */
    void saveTemplate(Principal caller, ChangeTemplate template);

    /** The standard templates by name. */
    List<ChangeTemplate> templates(Principal caller);

    /** Key figures of the changes whose implementation ended in {@code [from, to)}. */
    ChangeMetrics metrics(Principal caller, Instant from, Instant to);
}
