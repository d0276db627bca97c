package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.Severity;
import org.opsbench.core.spi.Notification;
import org.opsbench.core.spi.Notifier;
import org.opsbench.core.spi.Notifier.DeliveryException;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/** The {@code log} notifier writes one line a notification to the OSGi log, read back through a real LogListener. */
class LogNotifierTest {

    private static final String LOGGER = "org.opsbench.monitoring.alerts";

    private final BlockingQueue<LogEntry> entries = new LinkedBlockingQueue<>();
    private final LogListener listener = entry -> {
        if (entry.getLoggerName().equals(LOGGER)) {
            entries.add(entry);
        }
    };
    private LogReaderService reader;
    private LoggerContext context;
    private Map<String, LogLevel> levels;

    @BeforeEach
    void listen() throws Exception {
        // the log service's default level is WARN: an operator who wants recoveries (INFO) in the log says so
        context = Osgi.service(LoggerAdmin.class, null).getLoggerContext("org.opsbench.monitoring");
        levels = context.getLogLevels();
        context.setLogLevels(Map.of(LOGGER, LogLevel.INFO));
        reader = Osgi.service(LogReaderService.class, null);
        reader.addLogListener(listener);
    }

    @AfterEach
    void stopListening() {
        reader.removeLogListener(listener);
        context.setLogLevels(levels);
    }

    private static Notifier log() throws Exception {
        return Osgi.service(Notifier.class, "(notifier=log)");
    }

    private LogEntry next() throws InterruptedException {
        LogEntry entry = entries.poll(Osgi.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(entry, "nothing logged under " + LOGGER + " within " + Osgi.TIMEOUT);
        return entry;
    }

    @Test
    void criticalAlertIsOneErrorLineWithSubjectItemAndEscapedBody() throws Exception {
        log().send(new Notification(Instant.parse("2026-11-25T10:00:00Z"), Severity.CRITICAL,
                "PING CRITICAL - 100% packet loss", "line one\nline two", new CiRef("ci-42", "host", "db1"),
                Map.of("state.new", "CRITICAL")), Map.of());
        LogEntry entry = next();
        assertEquals(LogLevel.ERROR, entry.getLogLevel());
        assertEquals("CRITICAL PING CRITICAL - 100% packet loss | host db1 (ci-42) | 2026-11-25T10:00:00Z"
                + " | line one\\nline two | state.new=CRITICAL", entry.getMessage());
        assertEquals("org.opsbench.monitoring", entry.getBundle().getSymbolicName());
    }

    @Test
    void levelFollowsTheSeverity() throws Exception {
        Map<Severity, LogLevel> expected = Map.of(Severity.INFO, LogLevel.INFO, Severity.WARNING, LogLevel.WARN,
                Severity.MINOR, LogLevel.WARN, Severity.MAJOR, LogLevel.ERROR, Severity.CRITICAL, LogLevel.ERROR);
        for (Severity severity : Severity.values()) {
            log().send(new Notification(Instant.now(), severity, "subject " + severity, "", null, Map.of()), Map.of());
            LogEntry entry = next();
            assertEquals(expected.get(severity), entry.getLogLevel(), severity.name());
            assertTrue(entry.getMessage().startsWith(severity + " subject " + severity), entry.getMessage());
        }
    }

    @Test
    void badLoggerNameIsRefusedNamingTheSetting() throws Exception {
        DeliveryException e = assertThrows(DeliveryException.class, () -> log().send(
                new Notification(Instant.now(), Severity.INFO, "s", "", null, Map.of()), Map.of("logger", "a b\nc")));
        assertTrue(e.getMessage().contains("setting 'logger'"), e.getMessage());
    }
}
