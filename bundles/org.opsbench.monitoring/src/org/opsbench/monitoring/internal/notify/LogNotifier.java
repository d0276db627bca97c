package org.opsbench.monitoring.internal.notify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opsbench.core.CiRef;
import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.checks.ParameterException;
import org.opsbench.monitoring.internal.support.Values;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Writes each notification as one line to the OSGi log, under the logger {@value #DEFAULT_LOGGER} (setting
 * {@value #LOGGER}): INFO at info level, WARNING and MINOR at warn, MAJOR and CRITICAL at error. Line breaks and other
 * control characters of the text are escaped, so that one alert is always one line.
 */
@Component(service = Notifier.class, property = "notifier=log")
public final class LogNotifier implements ValidatingNotifier {

    /** Setting: the logger name. */
    public static final String LOGGER = "logger";
    /** The logger used when none is set. */
    public static final String DEFAULT_LOGGER = "org.opsbench.monitoring.alerts";

    private final LoggerFactory loggers;

    @Activate
    public LogNotifier(@Reference LoggerFactory loggers) {
        this.loggers = loggers;
    }

    @Override
    public String id() {
        return "log";
    }

    @Override
    public String displayName() {
        return "Log";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.optional(LOGGER, "Logger name", Parameter.Type.STRING, DEFAULT_LOGGER));
    }

    @Override
    public void validate(Map<String, String> settings) throws ParameterException {
        loggerName(ParameterException.reader(settings));
    }

    @Override
    public void send(Notification notification, Map<String, String> settings) throws DeliveryException {
        Logger logger = loggers.getLogger(loggerName(Settings.of(id(), settings)));
        String line = line(notification);
        switch (notification.severity()) {
            case INFO -> logger.info(line);
            case WARNING, MINOR -> logger.warn(line);
            case MAJOR, CRITICAL -> logger.error(line);
        }
    }

    private static <E extends Exception> String loggerName(Values<E> s) throws E {
        String name = s.optional(LOGGER);
        if (name == null) {
            return DEFAULT_LOGGER;
        }
        if (!name.matches("[A-Za-z0-9_$.-]{1,200}")) {
            throw s.invalid(LOGGER, "must be a logger name (letters, digits, . _ $ -)");
        }
        return name;
    }

    /** {@code CRITICAL subject | host db1 (ci-42) | 2026-11-25T10:00:00Z | body | key=value ...}, on one line. */
    static String line(Notification n) {
        StringBuilder line = new StringBuilder(128);
        line.append(n.severity()).append(' ').append(escape(n.subject()));
        CiRef item = n.item();
        if (item != null) {
            line.append(" | ").append(escape(item.type())).append(' ').append(escape(item.name())).append(" (")
                    .append(escape(item.id())).append(')');
        }
        line.append(" | ").append(n.time());
        if (n.body() != null && !n.body().isBlank()) {
            line.append(" | ").append(escape(n.body().strip()));
        }
        if (!n.properties().isEmpty()) {
            line.append(" |");
            new TreeMap<>(n.properties()).forEach(
                    (key, value) -> line.append(' ').append(escape(key)).append('=').append(escape(value)));
        }
        return line.toString();
    }

    /** Backslash escapes for line breaks, tabs and other control characters; a lone backslash is doubled. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
