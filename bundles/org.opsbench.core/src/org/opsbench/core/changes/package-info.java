/**
 * What changed on configuration items shortly before a moment: the question every alert and incident asks. The changes
 * area implements {@link org.opsbench.core.changes.RecentChanges}; monitoring and incidents views call it when it is
 * installed and show nothing extra when it is not, so they never depend on the changes area.
 */
package org.opsbench.core.changes;
