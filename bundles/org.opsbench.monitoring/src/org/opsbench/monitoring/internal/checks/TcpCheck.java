package org.opsbench.monitoring.internal.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.support.Values;
import org.osgi.service.component.annotations.Component;

/** Connects to a TCP port: OK with the connect time, CRITICAL when refused or timed out. */
@Component(service = CheckType.class, property = "checkType=tcp")
public final class TcpCheck implements ValidatingCheckType {

    /** The port parameter. */
    public static final String PORT = "port";

    @Override
    public String id() {
        return "tcp";
    }

    @Override
    public String displayName() {
        return "TCP port";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(PORT, "Port", Parameter.Type.INTEGER));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        Values<ParameterException> values = ParameterException.reader(parameters);
        values.required(PORT);
        values.integer(PORT, 0, 1, 65535);
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String host = context.address();
        int port;
        try {
            port = Integer.parseInt(context.parameter(PORT, "").strip());
        } catch (NumberFormatException e) {
            return CheckResult.of(Health.UNKNOWN, "TCP UNKNOWN - no valid port: '" + context.parameter(PORT, "") + "'");
        }
        if (port < 1 || port > 65535) {
            return CheckResult.of(Health.UNKNOWN, "TCP UNKNOWN - port out of range: " + port);
        }
        long timeoutMillis = Math.max(1, context.timeout().toMillis());
        String where = host + ":" + port;
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            return new CheckResult(Health.OK,
                    String.format(Locale.ROOT, "TCP OK - connected to %s in %.3f ms", where, millis),
                    List.of(new Metric("time", millis, "ms")));
        } catch (ConnectException e) {
            return CheckResult.of(Health.CRITICAL, "TCP CRITICAL - connection refused by " + where);
        } catch (SocketTimeoutException e) {
            return CheckResult.of(Health.CRITICAL,
                    "TCP CRITICAL - timed out after " + seconds(timeoutMillis) + " s connecting to " + where);
        } catch (UnknownHostException e) {
            return CheckResult.of(Health.CRITICAL, "TCP CRITICAL - unknown host " + host);
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.of(Health.CRITICAL, "TCP CRITICAL - cannot connect to " + where + ": " + e.getMessage());
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
