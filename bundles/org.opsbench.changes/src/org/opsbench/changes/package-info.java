/**
 * Changes and configuration, provisional (0.1.0). Requests for change with their workflow, approvals, risk and calendar
 * ({@link org.opsbench.changes.Changes}), their execution over SSH with rollback
 * ({@link org.opsbench.changes.ChangeExecution}) and configuration baselines with drift detection
 * ({@link org.opsbench.changes.Baselines}). The workflow itself is pure data:
 * {@link org.opsbench.changes.ChangeWorkflow}.
 * <p>
 * While a change is implemented its configuration items are announced on
 * {@link org.opsbench.core.events.Topics#CHANGES_STARTED} and released on
 * {@link org.opsbench.core.events.Topics#CHANGES_ENDED}; monitoring, when installed, keeps them in maintenance.
 * Correlation for other areas is {@link org.opsbench.core.changes.RecentChanges}, implemented here.
 */
package org.opsbench.changes;
