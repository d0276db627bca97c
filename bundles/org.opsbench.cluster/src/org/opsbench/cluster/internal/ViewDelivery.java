package org.opsbench.cluster.internal;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Hands an event from another node to this process's event handlers that only show data: views (E4 {@code @EventTopic}
 * subscribers, {@code *.ui} bundles, the workbench) and tests. The areas' headless handlers are left out on purpose:
 * they already reacted in the process where the event was first posted (opening an incident, say), and reacting again
 * here would do it twice.
 */
public final class ViewDelivery {

    private final BundleContext context;

    /** Delivers through the handler services of this framework. */
    public ViewDelivery(BundleContext context) {
        this.context = context;
    }

    /** Whether a bundle's handlers are headless reactions of an Opsbench area or platform bundle (left out). */
    public static boolean reactsHeadless(String symbolicName) {
        return symbolicName.startsWith("org.opsbench.") && !symbolicName.endsWith(".ui")
                && !symbolicName.endsWith(".tests") && !symbolicName.endsWith(".it")
                && !symbolicName.equals("org.opsbench.workbench");
    }

    /** Delivers synchronously to every matching view handler; returns how many got it. */
    public int deliver(Event event) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(EventHandler.class.getName(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return 0;
        }
        int delivered = 0;
        for (ServiceReference<?> ref : refs) {
            Bundle owner = ref.getBundle();
            if (owner == null || owner.getSymbolicName() == null || reactsHeadless(owner.getSymbolicName())) {
                continue;
            }
            if (!matches(ref.getProperty(EventConstants.EVENT_TOPIC), event.getTopic())
                    || !filterMatches(ref.getProperty(EventConstants.EVENT_FILTER), event)) {
                continue;
            }
            Object service = context.getService(ref);
            try {
                if (service instanceof EventHandler handler) {
                    handler.handleEvent(event);
                    delivered++;
                }
            } catch (RuntimeException e) {
                // a failing view must not stop the others (EventAdmin behaves the same)
            } finally {
                context.ungetService(ref);
            }
        }
        return delivered;
    }

    static boolean matches(Object topics, String topic) {
        if (topics instanceof String s) {
            return matchesOne(s, topic);
        }
        if (topics instanceof String[] all) {
            for (String s : all) {
                if (matchesOne(s, topic)) {
                    return true;
                }
            }
        }
        if (topics instanceof java.util.Collection<?> all) {
            for (Object s : all) {
                if (s instanceof String t && matchesOne(t, topic)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesOne(String pattern, String topic) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return topic.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(topic);
    }

    private static boolean filterMatches(Object filter, Event event) {
        if (!(filter instanceof String f) || f.isBlank()) {
            return true;
        }
        try {
            Filter parsed = FrameworkUtil.createFilter(f);
            return event.matches(parsed);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    /** The event as it is handed over: its properties plus the origin node. */
    static Event event(String topic, Map<String, Object> properties, String origin) {
        properties.put(org.opsbench.cluster.Nodes.ORIGIN_PROPERTY, origin);
        return new Event(topic, properties);
    }
}
