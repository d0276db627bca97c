package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.Scheduler;
import org.opsbench.monitoring.internal.store.ConfigStore;

/** {@link Engine#timing}: what the scheduler and the rule tests time runs by. */
class EngineTimingTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final Engine engine = new Engine();

    private void load(HostDefinition host, CheckDefinition check) {
        engine.load(new ConfigStore.Snapshot(List.of(host), check == null ? List.of() : List.of(check), List.of(),
                List.of()), List.of());
    }

    @Test
    void hostChecksRetryAtTheirIntervalButAtLeastEveryThirtySeconds() {
        load(HostDefinition.of("h", "127.0.0.1").withHostCheck("tcp", Map.of(), Duration.ofMinutes(5), 3), null);
        Scheduler.Timing t = engine.timing(CheckKey.host("h"));
        assertEquals(Duration.ofMinutes(5), t.interval());
        assertEquals(Duration.ofSeconds(30), t.retryInterval());
        assertEquals(Duration.ofSeconds(10), t.timeout());
        load(HostDefinition.of("h", "127.0.0.1").withHostCheck("tcp", Map.of(), Duration.ofSeconds(10), 3), null);
        assertEquals(Duration.ofSeconds(10), engine.timing(CheckKey.host("h")).retryInterval());
    }

    @Test
    void checksRetryAtTheirRetryIntervalWhileSoft() {
        CheckKey key = new CheckKey("h", "c");
        load(HostDefinition.of("h", "127.0.0.1"), CheckDefinition.of("h", "c", "tcp", Map.of())
                .withTiming(Duration.ofMinutes(2), Duration.ofSeconds(15), 3, Duration.ofSeconds(4)));
        assertFalse(engine.timing(key).retrying());
        engine.accept(key, CheckResult.of(Health.CRITICAL, "down"), T0);
        Scheduler.Timing soft = engine.timing(key);
        assertTrue(soft.retrying(), "a SOFT problem is retried");
        assertEquals(Duration.ofSeconds(15), soft.retryInterval());
        assertEquals(Duration.ofMinutes(2), soft.interval());
        assertEquals(Duration.ofSeconds(4), soft.timeout());
        engine.accept(key, CheckResult.of(Health.CRITICAL, "down"), T0.plusSeconds(15));
        engine.accept(key, CheckResult.of(Health.CRITICAL, "down"), T0.plusSeconds(30));
        assertFalse(engine.timing(key).retrying(), "a HARD problem runs at the interval again");
    }

    @Test
    void goneOrDisabledChecksAreNotScheduled() {
        load(HostDefinition.of("h", "127.0.0.1"), CheckDefinition.of("h", "c", "tcp", Map.of()).withEnabled(false));
        assertNull(engine.timing(new CheckKey("h", "c")));
        assertNull(engine.timing(new CheckKey("h", "gone")));
        assertNull(engine.timing(CheckKey.host("gone")));
        load(HostDefinition.of("h", "127.0.0.1").withEnabled(false), CheckDefinition.of("h", "c", "tcp", Map.of()));
        assertNull(engine.timing(CheckKey.host("h")));
        assertNull(engine.timing(new CheckKey("h", "c")), "the checks of a disabled host do not run");
    }
}
