package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.StateChangePublisher;
import org.opsbench.monitoring.StateMachine;
import org.opsbench.monitoring.Transition;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** A hard state change reaches a real EventHandler through EventAdmin. */
class StateChangeEventTest {

    @Test
    void hardChangeIsPostedWithItsProperties() throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/opsbench/monitoring/*");
        ServiceRegistration<EventHandler> registration = Osgi.context().registerService(EventHandler.class,
                received::add, properties);
        try {
            StateChangePublisher publisher = Osgi.service(StateChangePublisher.class, null);
            StateMachine<Health> machine = StateMachine.forCheck(2);
            CiRef ci = new CiRef("ci-42", "host", "db1");
            Instant at = Instant.parse("2026-11-25T10:00:00Z");
            for (Health result : List.of(Health.CRITICAL, Health.CRITICAL)) {
                for (Transition<Health> t : machine.accept(result)) {
                    if (t instanceof Transition.HardStateChanged<Health> change) {
                        assertTrue(publisher.publish(ci, change, "PING CRITICAL - 100% packet loss", at));
                    }
                }
            }
            Event event = received.poll(Osgi.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + Osgi.TIMEOUT);
            assertEquals(Topics.MONITORING_STATE_CHANGED, event.getTopic());
            assertEquals("ci-42", event.getProperty(EventProperties.CI_ID));
            assertEquals("db1", event.getProperty(EventProperties.CI_NAME));
            assertEquals("monitoring:db1", event.getProperty(EventProperties.SOURCE));
            assertEquals("OK", event.getProperty(EventProperties.OLD_STATE));
            assertEquals("CRITICAL", event.getProperty(EventProperties.NEW_STATE));
            assertEquals("CRITICAL", event.getProperty(EventProperties.SEVERITY));
            assertEquals("PING CRITICAL - 100% packet loss", event.getProperty(EventProperties.SUMMARY));
            assertEquals(at.toEpochMilli(), event.getProperty(EventProperties.TIMESTAMP));
            assertEquals(Boolean.TRUE, event.getProperty(StateChangePublisher.ALERT));
            assertEquals(null, received.poll(0, TimeUnit.SECONDS), "only the hard change is posted");
        } finally {
            registration.unregister();
        }
    }
}
