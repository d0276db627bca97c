/** The backup views: jobs with runs and logs, the job editor, the restore wizard and the RPO/RTO board. */
package org.opsbench.backup.ui.internal;
