package org.opsbench.monitoring.internal.checks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.CheckParameters;
import org.osgi.service.component.annotations.Component;

/**
 * Host reachability, the default host check. Sends {@code packets} probes one after the other, each waiting at most 1 s
 * (or its share of the timeout, if smaller), and reports the round-trip average ({@code rta}, ms) and packet loss
 * ({@code pl}, %) with check_ping's {@code rta,pl%} limits: a limit is reached at or above either figure; no answer at
 * all is CRITICAL. A probe is:
 * <ul>
 * <li>with {@code method=icmp}, or {@code auto} when this process may open raw sockets (root or {@code CAP_NET_RAW}):
 * one ICMP echo request through {@link InetAddress#isReachable(int)};</li>
 * <li>with {@code method=tcp}, or {@code auto} otherwise: a TCP connect to all {@code ports} at once; the first
 * accepted or refused connection is the answer (a refusal is a reset from the host, so the host is up).</li>
 * </ul>
 * {@code method=icmp} without the privilege is UNKNOWN, never a silent fallback. A name that does not resolve within
 * the timeout is CRITICAL.
 */
@Component(service = CheckType.class, property = "checkType=ping")
public final class PingCheck implements ValidatingCheckType {

    private static final int MAX_WAIT_MILLIS = 1000;

    private final boolean icmpAllowed = PingProbes.icmpAllowed();

    @Override
    public String id() {
        return "ping";
    }

    @Override
    public String displayName() {
        return "Ping (ICMP echo or TCP connect)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.optional(PingSettings.METHOD, "Method: auto, icmp or tcp", Parameter.Type.STRING, "auto"),
                Parameter.optional(PingSettings.PACKETS, "Packets", Parameter.Type.INTEGER,
                        Integer.toString(PingSettings.DEFAULT_PACKETS)),
                Parameter.optional(PingSettings.PORTS, "TCP ports (for tcp)", Parameter.Type.STRING,
                        PingSettings.DEFAULT_PORTS),
                Parameter.optional(PingSettings.WARNING, "Warning at rta,pl% (ms, %)", Parameter.Type.STRING,
                        PingSettings.DEFAULT_WARNING),
                Parameter.optional(PingSettings.CRITICAL, "Critical at rta,pl% (ms, %)", Parameter.Type.STRING,
                        PingSettings.DEFAULT_CRITICAL));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        PingSettings.of(parameters);
    }

    /** Whether ICMP echo is used when the method is {@code auto}. */
    public boolean icmpAllowed() {
        return icmpAllowed;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        PingSettings settings;
        try {
            settings = PingSettings.of(context.parameters());
        } catch (ParameterException e) {
            return CheckResult.of(Health.UNKNOWN, "PING UNKNOWN - " + e.getMessage());
        }
        if (settings.method() == PingSettings.Method.ICMP && !icmpAllowed) {
            return CheckResult.of(Health.UNKNOWN, "PING UNKNOWN - ICMP echo needs root or CAP_NET_RAW for this Java"
                    + " process; use method=auto (falls back to TCP connect) or method=tcp");
        }
        long deadline = System.nanoTime() + context.timeout().toNanos();
        String host = context.parameter(CheckParameters.HOST_NAME, context.address());
        InetAddress address;
        try {
            address = resolve(context.address(), context.timeout());
        } catch (UnknownHostException e) {
            return CheckResult.of(Health.CRITICAL, "PING CRITICAL - " + e.getMessage());
        }
        boolean icmp = settings.method() == PingSettings.Method.ICMP
                || settings.method() == PingSettings.Method.AUTO && icmpAllowed;
        int wait = (int) Math.max(1, Math.min(MAX_WAIT_MILLIS, context.timeout().toMillis() / settings.packets()));
        int received = 0;
        double total = 0;
        for (int i = 0; i < settings.packets(); i++) {
            int left = (int) Math.min(wait, (deadline - System.nanoTime()) / 1_000_000);
            if (left < 1) {
                // what could not be sent within the timeout counts as lost
                break;
            }
            double rtt = icmp
                    ? PingProbes.icmp(address, left)
                    : PingProbes.tcp(address, settings.ports(), left);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("ping of " + host + " cancelled");
            }
            if (rtt != PingProbes.LOST) {
                received++;
                total += rtt;
            }
        }
        String how = icmp
                ? "ICMP echo to " + address.getHostAddress()
                : "TCP connect to " + address.getHostAddress() + " ports "
                        + settings.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
        return verdict(settings, received, total, how);
    }

    private static CheckResult verdict(PingSettings settings, int received, double total, String how) {
        int sent = settings.packets();
        int loss = (sent - received) * 100 / sent;
        String what = " (" + how + ", " + sent + (sent == 1 ? " packet)" : " packets)");
        Metric pl = new Metric("pl", loss, "%");
        if (received == 0) {
            return new CheckResult(Health.CRITICAL, "PING CRITICAL - Packet loss = 100%" + what, List.of(pl));
        }
        double rta = total / received;
        Health health = settings.critical().reachedBy(rta, loss)
                ? Health.CRITICAL
                : settings.warning().reachedBy(rta, loss) ? Health.WARNING : Health.OK;
        return new CheckResult(health,
                String.format(Locale.ROOT, "PING %s - Packet loss = %d%%, RTA = %.2f ms%s", health, loss, rta, what),
                List.of(new Metric("rta", rta, "ms"), pl));
    }

    /** Resolves {@code name} within {@code timeout}: a slow resolver must not hold the check past it. */
    private static InetAddress resolve(String name, Duration timeout) throws UnknownHostException,
            InterruptedException {
        CompletableFuture<InetAddress> lookup = new CompletableFuture<>();
        Thread.ofVirtual().name("opsbench-ping-resolve").start(() -> {
            try {
                lookup.complete(InetAddress.getByName(name));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new UnknownHostException("cannot resolve host name " + name);
        } catch (TimeoutException e) {
            throw new UnknownHostException(
                    "host name " + name + " did not resolve within " + TcpCheck.seconds(timeout.toMillis()) + " s");
        }
    }
}
