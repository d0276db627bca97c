package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.monitoring.internal.store.Texts;
import org.opsbench.persistence.Database;
import org.osgi.framework.ServiceRegistration;

/**
 * What another server wrote to the shared database (played by the test with plain SQL, past this runtime's entity
 * cache, raising the configuration version as every server's store does) comes into the running engine at a refresh: a
 * new host and check appear and are scheduled, a changed interval is rescheduled, a removed host and its checks
 * disappear and are no longer scheduled, a notification rule and a downtime added or removed there apply here. A
 * refresh while the version has not moved reads nothing more.
 */
class DefinitionRefreshTest {

    private static final Principal OPS = Principal.system("monitoring-tests");

    /** A check type that only answers OK. */
    private static final class Quiet implements CheckType {
        @Override
        public String id() {
            return "refresh-quiet";
        }

        @Override
        public String displayName() {
            return "Answers OK";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public CheckResult run(CheckContext context) {
            return CheckResult.of(Health.OK, "OK - quiet");
        }
    }

    @Test
    void definitionsAnotherServerWroteComeIntoTheEngineAtARefresh() throws Exception {
        ServiceRegistration<CheckType> type = Osgi.context().registerService(CheckType.class, new Quiet(),
                new Hashtable<>(Map.of("checkType", "refresh-quiet")));
        MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
        MonitoringRuntime runtime = Osgi.service(MonitoringRuntime.class, null);
        DataSource ds = Osgi.service(DataSource.class, Database.DEFAULT_DATASOURCE_FILTER);
        String prefix = "refresh-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "-";
        String known = prefix + "known";
        String added = prefix + "added";
        String rule = prefix + "rule";
        CheckKey knownCheck = new CheckKey(known, "disk");
        CheckKey addedCheck = new CheckKey(added, "load");
        try {
            // this server knows one host with a check (so its entity cache holds them)
            admin.saveHost(OPS, HostDefinition.of(known, "127.0.0.1").withHostCheck("refresh-quiet", Map.of(),
                    Duration.ofHours(1), 1));
            admin.saveCheck(OPS, CheckDefinition.of(known, "disk", "refresh-quiet", Map.of())
                    .withTiming(Duration.ofHours(1), Duration.ofSeconds(30), 3, Duration.ofSeconds(10)));
            assertTrue(runtime.scheduling(), "the test runtime schedules checks");

            runtime.refreshConfiguration();
            assertFalse(runtime.refreshConfiguration(), "nothing read while the version stays");

            // the other server changes the check's interval, adds a host with a check
            try (Connection c = ds.getConnection()) {
                update(c, "UPDATE MON_CHECK SET INTERVAL_SECONDS = 1 WHERE HOST = ? AND NAME = ?", known, "disk");
                insertHost(c, added);
                insertCheck(c, added, "load");
            }
            assertFalse(runtime.refreshConfiguration(), "a row written without raising the version is not read");
            assertEquals(Duration.ofHours(1), runtime.timing(knownCheck).interval(), "not before the version moved");
            assertTrue(runtime.engine().host(added).isEmpty(), "not before the version moved");

            raiseVersion(ds);
            assertTrue(runtime.refreshConfiguration(), "read when the version moved");

            assertEquals(Duration.ofSeconds(1), runtime.timing(knownCheck).interval(), "changed interval taken");
            Instant next = runtime.scheduler().nextRun(knownCheck);
            assertNotNull(next, "the changed check stays scheduled");
            assertFalse(next.isAfter(Instant.now().plusSeconds(5)), "rescheduled on its new interval: " + next);
            assertEquals("127.0.0.2", runtime.engine().host(added).orElseThrow().address());
            assertEquals("refresh-quiet", runtime.engine().check(addedCheck).orElseThrow().type());
            assertNotNull(runtime.scheduler().nextRun(CheckKey.host(added)), "the added host is scheduled");
            assertNotNull(runtime.scheduler().nextRun(addedCheck), "the added check is scheduled");

            // the other server adds a notification rule and a downtime of the added host
            long now = System.currentTimeMillis();
            try (Connection c = ds.getConnection()) {
                insertRule(c, rule);
                update(c, "INSERT INTO MON_DOWNTIME (HOST, CHECK_NAME, START_MILLIS, END_MILLIS, AUTHOR, REASON)"
                        + " VALUES (?, '', " + (now - 1000) + ", " + (now + 3_600_000) + ", 'other', 'patching')",
                        added);
            }
            raiseVersion(ds);
            assertTrue(runtime.refreshConfiguration());
            assertTrue(runtime.engine().rules().stream().anyMatch(r -> r.name().equals(rule)), "rule taken");
            assertTrue(runtime.engine().downtimes().stream()
                    .anyMatch(d -> d.target().equals(CheckKey.host(added)) && d.comment().equals("patching")),
                    "downtime taken: " + runtime.engine().downtimes());
            assertTrue(runtime.engine().hostStatuses(Instant.now()).stream()
                    .filter(h -> h.name().equals(added)).findFirst().orElseThrow().inDowntime(),
                    "the host is in its maintenance window here");

            // and removes the rule again
            try (Connection c = ds.getConnection()) {
                update(c, "DELETE FROM MON_RULE WHERE NAME = ?", rule);
            }
            raiseVersion(ds);
            assertTrue(runtime.refreshConfiguration());
            assertTrue(runtime.engine().rules().stream().noneMatch(r -> r.name().equals(rule)), "rule gone");

            // the other server removes the added host (its check and downtime go with it)
            try (Connection c = ds.getConnection()) {
                update(c, "DELETE FROM MON_DOWNTIME WHERE HOST = ?", added);
                update(c, "DELETE FROM MON_CHECK WHERE HOST = ?", added);
                update(c, "DELETE FROM MON_HOST WHERE NAME = ?", added);
            }
            raiseVersion(ds);
            runtime.refreshConfiguration();

            assertTrue(runtime.engine().host(added).isEmpty(), "removed host gone");
            assertTrue(runtime.engine().check(addedCheck).isEmpty(), "its check gone");
            assertNull(runtime.scheduler().nextRun(CheckKey.host(added)), "removed host no longer scheduled");
            assertNull(runtime.scheduler().nextRun(addedCheck), "its check no longer scheduled");
            assertTrue(runtime.engine().host(known).isPresent(), "the unchanged host stays");
            assertTrue(runtime.engine().downtimes().stream().noneMatch(d -> d.target().host().equals(added)),
                    "its downtime gone");
        } finally {
            try (Connection c = ds.getConnection()) {
                update(c, "DELETE FROM MON_RULE WHERE NAME = ?", rule);
                update(c, "DELETE FROM MON_DOWNTIME WHERE HOST = ?", added);
                update(c, "DELETE FROM MON_CHECK WHERE HOST = ?", added);
                update(c, "DELETE FROM MON_HOST WHERE NAME = ?", added);
            }
            raiseVersion(ds);
            admin.deleteHost(OPS, known);
            runtime.refreshConfiguration();
            type.unregister();
        }
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** What every server's store does in the transaction of a configuration change. */
    private static void raiseVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            update(c, "UPDATE MON_CONFIG_VERSION SET VERSION = VERSION + 1 WHERE ID = 1");
        }
    }

    private static void insertRule(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO MON_RULE (NAME, STATES, HOSTS, CHECKS, NOTIFIER,"
                + " SETTINGS, REPEAT_SECONDS, ESCALATE_SECONDS, ESCALATION_SETTINGS, ENABLED)"
                + " VALUES (?, ?, '*', '*', 'log', ?, 0, 0, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, Texts.join(List.of("CRITICAL")));
            s.setString(3, Texts.encode(Map.of()));
            s.setString(4, Texts.encode(Map.of()));
            s.setBoolean(5, true);
            s.executeUpdate();
        }
    }

    private static void insertHost(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO MON_HOST (NAME, ADDRESS, SSH_PORT, PARENTS,"
                + " HOST_CHECK, HOST_CHECK_PARAMS, INTERVAL_SECONDS, MAX_ATTEMPTS, ENABLED)"
                + " VALUES (?, '127.0.0.2', 22, ?, 'refresh-quiet', ?, 3600, 1, ?)")) {
            s.setString(1, name);
            s.setString(2, Texts.join(List.of()));
            s.setString(3, Texts.encode(Map.of()));
            s.setBoolean(4, true);
            s.executeUpdate();
        }
    }

    private static void insertCheck(Connection c, String host, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO MON_CHECK (HOST, NAME, CHECK_TYPE, PARAMS,"
                + " INTERVAL_SECONDS, RETRY_SECONDS, MAX_ATTEMPTS, TIMEOUT_MILLIS, ENABLED)"
                + " VALUES (?, ?, 'refresh-quiet', ?, 3600, 30, 3, 10000, ?)")) {
            s.setString(1, host);
            s.setString(2, name);
            s.setString(3, Texts.encode(Map.of()));
            s.setBoolean(4, true);
            s.executeUpdate();
        }
    }
}
