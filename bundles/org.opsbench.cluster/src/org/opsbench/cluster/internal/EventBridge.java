package org.opsbench.cluster.internal;

import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.opsbench.cluster.Nodes;
import org.opsbench.persistence.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Carries the events of {@code org/opsbench/*} between the processes on one database, through {@code CLU_EVENT}: what
 * is posted here is written every two seconds in one batch, and what the other nodes wrote is read as often and handed
 * to this process's views ({@link ViewDelivery}) with {@link Nodes#ORIGIN_PROPERTY} set. An event that came from
 * another node is never written again, so nothing loops. Off for a solo process. Immediate: a rich client that only
 * shows data never posts an event that would activate a delayed component, and would then never read the others'
 * events.
 */
@Component(service = {EventBridge.class, EventHandler.class}, immediate = true, property = EventConstants.EVENT_TOPIC
        + "=org/opsbench/*")
public final class EventBridge implements EventHandler {

    /** How often events are written and read. */
    public static final long PERIOD_MILLIS = 2000;

    private final boolean active;
    private final EventTable table;
    private final ViewDelivery delivery;
    private final Logger log;
    private final String node;
    private final ConcurrentLinkedQueue<Map.Entry<String, Map<String, ?>>> outgoing = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile String lastReceived = "";
    private final Map<String, AtomicLong> receivedByTopic = new ConcurrentSkipListMap<>();
    private long rounds;

    @Activate
    public EventBridge(BundleContext context, @Reference Nodes nodes,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.active = !nodes.solo();
        this.node = nodes.self().id();
        this.table = new EventTable(dataSource, node);
        this.delivery = new ViewDelivery(context);
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-event-bridge");
            t.setDaemon(true);
            return t;
        });
        if (active) {
            timer.scheduleWithFixedDelay(this::round, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        if (active) {
            flush();
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (!active || event.getProperty(Nodes.ORIGIN_PROPERTY) != null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            props.put(name, event.getProperty(name));
        }
        outgoing.add(new AbstractMap.SimpleEntry<>(event.getTopic(), props));
    }

    private void round() {
        flush();
        try {
            for (EventTable.Remote r : table.read()) {
                received.incrementAndGet();
                lastReceived = r.topic() + " from " + r.origin();
                receivedByTopic.computeIfAbsent(r.topic(), t -> new AtomicLong()).incrementAndGet();
                delivery.deliver(ViewDelivery.event(r.topic(), new HashMap<>(r.properties()), r.origin()));
            }
            if (++rounds % 150 == 0) {
                table.purge();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Reading the events of other nodes failed: {}", e.getMessage());
        }
    }

    private void flush() {
        List<Map.Entry<String, Map<String, ?>>> batch = new ArrayList<>();
        for (Map.Entry<String, Map<String, ?>> e; (e = outgoing.poll()) != null;) {
            batch.add(e);
        }
        try {
            table.write(batch);
            sent.addAndGet(batch.size());
        } catch (SQLException | RuntimeException e) {
            log.warn("Writing {} events for the other nodes failed: {}", batch.size(), e.getMessage());
        }
    }

    /** Whether events are bridged (not a solo process). */
    public boolean active() {
        return active;
    }

    /** Events written for the other nodes since the start. */
    public long sent() {
        return sent.get();
    }

    /** Events of other nodes handed to views since the start. */
    public long received() {
        return received.get();
    }

    /** Events of other nodes received since the start, by topic (sorted). */
    public Map<String, Long> receivedByTopic() {
        Map<String, Long> out = new LinkedHashMap<>();
        receivedByTopic.forEach((t, n) -> out.put(t, n.get()));
        return out;
    }

    /** The topic and origin node of the last event received from another node, empty before the first. */
    public String lastReceived() {
        return lastReceived;
    }
}
