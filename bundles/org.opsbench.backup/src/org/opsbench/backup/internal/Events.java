package org.opsbench.backup.internal;

import java.util.HashMap;
import java.util.Map;

import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the area's events; skipped while no EventAdmin runs. */
@Component(service = Events.class)
public final class Events {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** The properties of a run event. */
    static Map<String, Object> runProperties(JobDefinition job, RunRecord run) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.SOURCE, "backup:" + job.name());
        p.put(EventProperties.REFERENCE, "run " + run.id());
        p.put(EventProperties.NEW_STATE, run.outcome().name());
        p.put(EventProperties.SUMMARY, "backup " + job.name() + " run " + run.id() + ": " + run.outcome());
        p.put(EventProperties.SEVERITY,
                run.outcome() == RunOutcome.SUCCEEDED ? Severity.INFO.name() : Severity.MAJOR.name());
        if (!job.ciId().isEmpty()) {
            p.put(EventProperties.CI_ID, job.ciId());
        }
        if (!job.host().isEmpty()) {
            p.put(EventProperties.HOST, job.host());
        }
        p.put("job", job.name());
        p.put("run", run.id());
        return p;
    }

    /** Posts {@code topic} with {@code properties} and a timestamp. */
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            Map<String, Object> all = new HashMap<>(properties);
            all.values().removeIf(java.util.Objects::isNull);
            all.putIfAbsent(EventProperties.TIMESTAMP, System.currentTimeMillis());
            admin.postEvent(new Event(topic, all));
        }
    }
}
