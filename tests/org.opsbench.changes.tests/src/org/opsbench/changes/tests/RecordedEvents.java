package org.opsbench.changes.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** A real {@link EventHandler} on the changes' and assets' topics, keeping what it receives. */
final class RecordedEvents implements EventHandler, AutoCloseable {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    RecordedEvents(String... topics) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(EventConstants.EVENT_TOPIC, topics);
        registration = Osgi.context().registerService(EventHandler.class, this, p);
    }

    @Override
    public void handleEvent(Event event) {
        events.add(event);
    }

    /** Waits (events are posted asynchronously) until an event matches, and returns it. */
    Event await(String topic, Predicate<Event> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : events) {
                if (e.getTopic().equals(topic) && match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + topic + " event matched; got " + all());
    }

    /** The events of {@code topic} matching, in arrival order. */
    List<Event> of(String topic, Predicate<Event> match) {
        return events.stream().filter(e -> e.getTopic().equals(topic) && match.test(e)).toList();
    }

    private List<String> all() {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.getTopic() + " " + e.getProperty("reference")));
        return out;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
