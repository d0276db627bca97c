package org.opsbench.backup.internal;

import java.util.HashMap;
import java.util.Map;

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
