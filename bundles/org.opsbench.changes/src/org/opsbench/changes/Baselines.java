package org.opsbench.changes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Configuration baselines: named files and command outputs captured from a host over SSH (content and SHA-256),
 * versioned; compared with the approved version (on demand and on a schedule), drift shown as a unified diff, recorded
 * and posted on {@link org.opsbench.core.events.Topics#CHANGES_DRIFT}; a new version is approved after an authorised
 * change.
 */
public interface Baselines {

    /** Creates or replaces a baseline's definition (needs {@link ChangePermissions#WRITE}). */
    void define(Principal caller, BaselineDefinition definition);

    /** The defined baselines by name. */
    List<BaselineDefinition> definitions(Principal caller);

    /**
     * Captures a new version (needs {@link ChangePermissions#EXECUTE}); the first version is approved.
     *
     * @throws IllegalStateException
     *             when a file or command could not be read (naming it); nothing is stored then
     */
    BaselineVersion capture(Principal caller, String name);

    /** Captures the configuration now and compares it with the approved version; drift is recorded and posted. */
    Drift.Comparison compare(Principal caller, String name);

    /**
     * Approves {@code version} as the baseline after the change {@code changeReference} (implemented, reviewed or
     * closed, on the baseline's item) authorised it. Needs {@link ChangePermissions#APPROVE}.
     */
    BaselineVersion approve(Principal caller, String name, int version, String changeReference);

    /** The versions of a baseline, newest first. */
    List<BaselineVersion> versions(Principal caller, String name);

    /** One version. */
    Optional<BaselineVersion> version(Principal caller, String name, int version);

    /** Drift recorded in {@code [from, to)}, newest first. */
    List<Drift> drift(Principal caller, Instant from, Instant to);
}
