package org.opsbench.security.ops.internal.service;

import java.util.Map;

import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.security.ops.SecuritySignal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Records the SSH bundle's changed-host-key events as security signals (the event itself is not posted again). */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "="
        + Topics.SECURITY_HOST_KEY_CHANGED)
public final class HostKeySignals implements EventHandler {

    private final SecOpsRuntime runtime;

    /** On the runtime. */
    @Activate
    public HostKeySignals(@Reference SecOpsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void handleEvent(Event event) {
        String host = String.valueOf(event.getProperty(EventProperties.HOST));
        Object port = event.getProperty(EventProperties.PORT);
        String fingerprint = String.valueOf(event.getProperty(EventProperties.FINGERPRINT));
        Object summary = event.getProperty(EventProperties.SUMMARY);
        String name = port == null ? host : host + ":" + port;
        runtime.signal(name, SecuritySignal.Kind.HOST_KEY_CHANGED, runtime.now(),
                summary == null ? "SSH host key of " + name + " changed to " + fingerprint : summary.toString(), 1,
                "hostkey:" + name + ":" + fingerprint, null, null, Map.of());
    }
}
