package org.opsbench.changes;

import java.util.List;

/**
 * A pre-approved standard change: changes made from it are {@link ChangeType#STANDARD} and approved on submission.
 *
 * @param name
 *            its name, for example {@code restart-nginx}
 * @param title
 *            the title of changes made from it
 * @param reason
 *            their reason
 * @param steps
 *            their implementation steps
 * @param rollbackSteps
 *            their rollback steps
 * @param testPlan
 *            their test plan
 */
public record ChangeTemplate(String name, String title, String reason, List<String> steps,
        List<String> rollbackSteps, String testPlan) {

    /** Copies the lists. */
    public ChangeTemplate {
        steps = List.copyOf(steps);
        rollbackSteps = List.copyOf(rollbackSteps);
        reason = reason == null ? "" : reason;
        testPlan = testPlan == null ? "" : testPlan;
    }
}
