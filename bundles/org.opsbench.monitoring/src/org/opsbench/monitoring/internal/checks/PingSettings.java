package org.opsbench.monitoring.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opsbench.monitoring.internal.support.Values;

/**
 * The parameters of a {@code ping} check, read and checked.
 *
 * @param method
 *            how to probe
 * @param packets
 *            how many probes to send
 * @param ports
 *            the TCP ports a TCP probe connects to
 * @param warning
 *            the round trip and loss from which the result is WARNING
 * @param critical
 *            the round trip and loss from which the result is CRITICAL
 */
record PingSettings(Method method, int packets, List<Integer> ports, Limit warning, Limit critical) {

    static final String METHOD = "method";
    static final String PACKETS = "packets";
    static final String PORTS = "ports";
    static final String WARNING = "warning";
    static final String CRITICAL = "critical";

    static final int DEFAULT_PACKETS = 5;
    static final String DEFAULT_PORTS = "22,80,443";
    static final String DEFAULT_WARNING = "100,20%";
    static final String DEFAULT_CRITICAL = "500,60%";

    /** How a probe is sent. */
    enum Method {
        /** ICMP echo when this process may send it, else TCP connect. */
        AUTO,
        /** ICMP echo only. */
        ICMP,
        /** TCP connect only. */
        TCP
    }

    /**
     * A limit as check_ping writes it, {@code rta,pl%}: a round-trip average in milliseconds and a packet loss in
     * percent; either reached makes the state.
     */
    record Limit(double rtaMillis, int lossPercent) {

        static Limit parse(Values<ParameterException> values, String name, String text) throws ParameterException {
            String[] parts = text.split(",");
            if (parts.length != 2 || !parts[1].strip().endsWith("%")) {
                throw values.invalid(name, "must be 'rta,pl%' such as " + DEFAULT_WARNING
                        + " (round trip in ms, packet loss in percent), was '" + Values.printable(text) + "'");
            }
            double rta = values.decimal(name, parts[0], 0, 3_600_000);
            String loss = parts[1].strip();
            int pl;
            try {
                pl = Integer.parseInt(loss.substring(0, loss.length() - 1).strip());
            } catch (NumberFormatException e) {
                throw values.invalid(name, "has no whole packet loss percentage in '" + Values.printable(text) + "'");
            }
            if (pl < 0 || pl > 100) {
                throw values.invalid(name, "packet loss must be between 0% and 100%, was " + pl + "%");
            }
            return new Limit(rta, pl);
        }

        /** Whether a measurement reaches this limit (check_ping compares with {@code >=}). */
        boolean reachedBy(double rta, int loss) {
            return loss >= lossPercent || rta >= rtaMillis;
        }

        @Override
        public String toString() {
            return Values.plain(rtaMillis) + "," + lossPercent + "%";
        }
    }

    /** Reads and checks the parameters; the refusal names the parameter. */
    static PingSettings of(Map<String, String> parameters) throws ParameterException {
        Values<ParameterException> values = ParameterException.reader(parameters);
        Method method = Method.valueOf(values.choice(METHOD, "auto", List.of("auto", "icmp", "tcp"))
                .toUpperCase(Locale.ROOT));
        int packets = values.integer(PACKETS, DEFAULT_PACKETS, 1, 20);
        List<Integer> ports = new ArrayList<>();
        List<String> listed = values.optional(PORTS) == null ? List.of(DEFAULT_PORTS.split(",")) : values.list(PORTS);
        for (String port : listed) {
            int number;
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw values.invalid(PORTS, "must be TCP ports separated by commas, such as " + DEFAULT_PORTS
                        + ", was '" + Values.printable(values.optional(PORTS)) + "'");
            }
            if (number < 1 || number > 65535) {
                throw values.invalid(PORTS, "port " + number + " is not between 1 and 65535");
            }
            ports.add(number);
        }
        if (ports.isEmpty() || ports.size() > 16) {
            throw values.invalid(PORTS, "must name 1 to 16 ports");
        }
        Limit warning = Limit.parse(values, WARNING, values.optional(WARNING, DEFAULT_WARNING));
        Limit critical = Limit.parse(values, CRITICAL, values.optional(CRITICAL, DEFAULT_CRITICAL));
        if (warning.rtaMillis() > critical.rtaMillis() || warning.lossPercent() > critical.lossPercent()) {
            throw values.invalid(WARNING, "must not be above the critical limit " + critical + ", was " + warning);
        }
        return new PingSettings(method, packets, List.copyOf(ports), warning, critical);
    }
}
