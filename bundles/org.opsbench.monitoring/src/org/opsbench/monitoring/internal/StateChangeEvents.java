package org.opsbench.monitoring.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.StateChangePublisher;
import org.opsbench.monitoring.Transition;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The {@link StateChangePublisher} on EventAdmin; monitoring keeps working while no EventAdmin runs. */
@Component(service = StateChangePublisher.class)
public final class StateChangeEvents implements StateChangePublisher {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Override
    public boolean publish(CiRef ci, Transition.HardStateChanged<?> change, String summary, Instant at) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            return false;
        }
        admin.postEvent(event(ci, change, summary, at));
        return true;
    }

    static Event event(CiRef ci, Transition.HardStateChanged<?> change, String summary, Instant at) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.CI_ID, ci.id());
        properties.put(EventProperties.CI_TYPE, ci.type());
        properties.put(EventProperties.CI_NAME, ci.name());
        // the CI id is the host's CMDB item for its checks too; the source tells a host and each of its checks apart
        properties.put(EventProperties.SOURCE, "monitoring:" + ci.name());
        properties.put(EventProperties.OLD_STATE, change.oldState().name());
        properties.put(EventProperties.NEW_STATE, change.newState().name());
        properties.put(EventProperties.SEVERITY, severity(change.newState()).name());
        properties.put(EventProperties.SUMMARY, summary == null ? "" : summary);
        properties.put(EventProperties.TIMESTAMP, at.toEpochMilli());
        properties.put(ALERT, change.alert());
        return new Event(Topics.MONITORING_STATE_CHANGED, properties);
    }

    /** OK/UP are INFO, WARNING is WARNING, UNKNOWN and UNREACHABLE are MINOR, CRITICAL and DOWN are CRITICAL. */
    static Severity severity(Enum<?> state) {
        if (state instanceof Health health) {
            return switch (health) {
                case OK -> Severity.INFO;
                case WARNING -> Severity.WARNING;
                case UNKNOWN -> Severity.MINOR;
                case CRITICAL -> Severity.CRITICAL;
            };
        }
        if (state instanceof HostState host) {
            return switch (host) {
                case UP -> Severity.INFO;
                case UNREACHABLE -> Severity.MINOR;
                case DOWN -> Severity.CRITICAL;
            };
        }
        return Severity.WARNING;
    }
}
