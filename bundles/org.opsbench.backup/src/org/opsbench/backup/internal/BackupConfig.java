package org.opsbench.backup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The backup area's settings (PID {@code org.opsbench.backup}). */
@ObjectClassDefinition(id = BackupRuntime.PID, name = "Opsbench backup", description = "How backups run")
public @interface BackupConfig {

    /** Whether jobs and drills run on their schedules. */
    @AttributeDefinition(name = "Scheduling", description = "Run jobs and drills on their schedule")
    boolean scheduling() default true;

    /** Seconds between looks at the schedules and objectives. */
    @AttributeDefinition(name = "Tick (s)", min = "1", description = "How often schedules and objectives are looked at")
    int tickSeconds() default 20;

    /** Runs at once. */
    @AttributeDefinition(name = "Concurrent runs", min = "1", description = "Runs, restores and drills at once")
    int concurrentRuns() default 4;

    /** Hours a run, restore or drill may take. */
    @AttributeDefinition(name = "Run timeout (h)", min = "1", description = "The longest a run, restore or drill may take")
    int timeoutHours() default 12;

    /** A local folder for temporary work (database copies, drills); empty for the system's temp folder. */
    @AttributeDefinition(name = "Work folder", required = false, description = "Local folder for temporary work; empty for the system temp folder")
    String workFolder() default "";
}
