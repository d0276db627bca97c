package org.opsbench.security.ops.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.SecurityOperations;
import org.opsbench.security.ops.internal.service.SecOpsRuntime;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * A real sshd on 127.0.0.1 (this machine) as the scanned host, trusted by the SSH service, its login key in the real
 * vault; the service and its runtime (whose clock tests move); and the {@code org/opsbench/security/*} events.
 */
final class SecOpsHost implements BeforeAllCallback, AfterAllCallback {

    static final Principal OPS = Principal.system("secops-tests");
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final SshdExtension sshd = new SshdExtension();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private ServiceRegistration<EventHandler> handler;
    private Path knownHosts;
    private String keyAlias;
    private SecurityOperations ops;
    private SecOpsRuntime runtime;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sshd.beforeAll(context);
        knownHosts = Files.createTempFile("opsbench-secops-known-hosts-", "");
        Files.writeString(knownHosts, sshd.knownHostsLine());
        Services.configure(Osgi.context(), "org.opsbench.ssh", Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
        SecretStore vault = Osgi.service(SecretStore.class);
        keyAlias = "secops-tests/ssh/" + UUID.randomUUID();
        vault.store(OPS, keyAlias, SecretStore.Kind.SSH_PRIVATE_KEY, "secops test login", sshd.userKey());
        handler = Osgi.context().registerService(EventHandler.class, events::add,
                new java.util.Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "org/opsbench/security/*")));
        ops = Osgi.service(SecurityOperations.class);
        runtime = Osgi.service(SecOpsRuntime.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        runtime.clock(Clock.systemUTC());
        handler.unregister();
        Files.deleteIfExists(knownHosts);
        sshd.afterAll(context);
    }

    SshdExtension sshd() {
        return sshd;
    }

    SecurityOperations ops() {
        return ops;
    }

    SecOpsRuntime runtime() {
        return runtime;
    }

    /** Sets the area's clock to {@code now} (fixed). */
    void at(Instant now) {
        runtime.clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A managed host named {@code name-RUN} that is this sshd; saved. */
    ManagedHost host(String name, String ciType) {
        ManagedHost h = new ManagedHost(name + "-" + RUN, "127.0.0.1", sshd.port(), sshd.user(), keyAlias, "",
                ciType);
        ops.saveHost(OPS, h);
        return h;
    }

    /** The next event of {@code topic} about {@code host}, waiting up to 10 s; null when none came. */
    Event event(String topic, String host) throws InterruptedException {
        return event(topic, host, e -> true);
    }

    /** The next event of {@code topic} about {@code host} that {@code which} accepts, waiting up to 10 s. */
    Event event(String topic, String host, java.util.function.Predicate<Event> which) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            Event e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.getTopic().equals(topic) && host.equals(e.getProperty("host")) && which.test(e)) {
                return e;
            }
        }
        return null;
    }

    /** Forgets the events so far. */
    void clearEvents() {
        events.clear();
    }
}
