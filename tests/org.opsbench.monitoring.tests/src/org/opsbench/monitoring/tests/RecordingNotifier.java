package org.opsbench.monitoring.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Parameter;

/** A notifier a test registers as a service, as a third party would: it keeps what it was given. */
final class RecordingNotifier implements Notifier {

    record Sent(Notification notification, Map<String, String> settings) {
    }

    private final BlockingQueue<Sent> queue = new LinkedBlockingQueue<>();
    private final List<Sent> all = new ArrayList<>();

    @Override
    public String id() {
        return "recording";
    }

    @Override
    public String displayName() {
        return "Recording (tests)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public synchronized void send(Notification notification, Map<String, String> settings) {
        Sent sent = new Sent(notification, settings);
        all.add(sent);
        queue.add(sent);
    }

    Sent next(Duration wait) throws InterruptedException {
        Sent s = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no notification within " + wait);
        }
        return s;
    }

    synchronized List<Sent> sentFor(String host) {
        return all.stream().filter(s -> host.equals(s.notification().properties().get("host"))).toList();
    }
}
