package org.opsbench.monitoring.rest.internal;

import java.time.Instant;

import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostStatus;

/** The JSON shapes of the monitoring resources. */
public final class MonitoringDtos {

    private MonitoringDtos() {
    }

    /** A host and its state. */
    public record HostDto(String name, String address, String state, String stateType, String output, Instant lastCheck,
            Instant lastStateChange, boolean acknowledged, boolean inDowntime, boolean enabled) {

        static HostDto of(HostStatus h) {
            return new HostDto(h.name(), h.address(), h.state() == null ? null : h.state().name(),
                    h.stateType() == null ? null : h.stateType().name(), h.output(), h.lastCheck(),
                    h.lastStateChange(), h.acknowledgement() != null, h.inDowntime(), h.enabled());
        }
    }

    /** An acknowledgement of a problem. */
    public record AckDto(String author, String comment, Instant time) {
    }

    /** A check and its current state; also a problem when its state is not OK. */
    public record CheckDto(String host, String check, String type, String state, String stateType, int attempt,
            int maxAttempts, String hardState, String output, Instant lastCheck, Instant lastStateChange,
            Instant nextCheck, boolean flapping, boolean hostReachable, AckDto acknowledgement, boolean inDowntime,
            boolean enabled, boolean unhandled) {

        static CheckDto of(CheckStatus c) {
            return new CheckDto(c.key().host(), c.key().check(), c.type(), name(c.state()), name(c.stateType()),
                    c.attempt(), c.maxAttempts(), name(c.hardState()), c.output(), c.lastCheck(), c.lastStateChange(),
                    c.nextCheck(), c.flapping(), c.hostReachable(),
                    c.acknowledgement() == null
                            ? null
                            : new AckDto(c.acknowledgement().author(), c.acknowledgement().comment(),
                                    c.acknowledgement().time()),
                    c.inDowntime(), c.enabled(), c.unhandledProblem());
        }
    }

    /** Body of an acknowledgement. */
    public record AckBody(String comment) {
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
