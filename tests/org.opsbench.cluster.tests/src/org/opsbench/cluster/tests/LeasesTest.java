package org.opsbench.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbench.cluster.Lease;
import org.opsbench.cluster.LeaseState;
import org.opsbench.cluster.internal.LeaseTable;

/** Two nodes' leases on the real (Derby) database. */
class LeasesTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    private LeaseTable a;
    private LeaseTable b;

    @BeforeEach
    void twoNodes() throws Exception {
        DataSource ds = ClusterDatabase.fresh();
        a = new LeaseTable(ds, "node-a");
        b = new LeaseTable(ds, "node-b");
    }

    @Test
    void aHeldLeaseIsRefusedToTheOtherNode() {
        Lease held = a.acquire("work.1", TTL).orElseThrow();
        assertEquals("node-a", held.holder());
        assertTrue(held.valid());
        assertEquals(Optional.empty(), b.acquire("work.1", TTL));
    }

    @Test
    void renewingKeepsTheLeaseAndItsGeneration() {
        Lease held = a.acquire("work.2", TTL).orElseThrow();
        List<Lease> renewed = a.renew(List.of(held), TTL);
        assertEquals(1, renewed.size());
        assertEquals(held.generation(), renewed.get(0).generation());
        assertFalse(renewed.get(0).expires().isBefore(held.expires()));
        assertEquals(Optional.empty(), b.acquire("work.2", TTL));
    }

    @Test
    void aLeaseNotRenewedExpiresAndAnotherNodeTakesItWithANewGeneration() throws Exception {
        Lease old = a.acquire("work.3", TTL).orElseThrow();
        Thread.sleep(TTL.toMillis() + 300);
        Lease taken = b.acquire("work.3", TTL).orElseThrow();
        assertEquals("node-b", taken.holder());
        assertTrue(taken.generation() > old.generation());
        // the old holder finds out when it renews: nothing of it is kept
        assertEquals(List.of(), a.renew(List.of(old), TTL));
        assertFalse(old.valid(), "the old holder's own deadline passed before the database let the lease go");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Lease held = a.acquire("work.4", TTL).orElseThrow();
        a.release(List.of(held));
        assertTrue(b.acquire("work.4", TTL).isPresent());
        List<LeaseState> states = a.list("work.4");
        assertEquals("node-b", states.get(0).holder());
    }

    @Test
    void releasingALeaseAlreadyLostLeavesTheNewHolder() throws Exception {
        Lease old = a.acquire("work.5", TTL).orElseThrow();
        Thread.sleep(TTL.toMillis() + 300);
        b.acquire("work.5", TTL).orElseThrow();
        a.release(List.of(old));
        assertEquals("node-b", a.list("work.5").get(0).holder());
    }

    @Test
    void theLocalDeadlineEndsBeforeTheDatabaseLetsAnotherNodeIn() throws Exception {
        Duration ttl = Duration.ofSeconds(4);
        Lease held = a.acquire("work.6", ttl).orElseThrow();
        // valid for three quarters of the time to live, counted from before the request
        while (held.valid()) {
            Thread.sleep(20);
        }
        assertEquals(Optional.empty(), b.acquire("work.6", ttl),
                "when the holder stops acting, the database still refuses the lease to others");
    }

    @Test
    void listingNamesHolderAndExpiryAndOnlyThePrefix() {
        a.acquire("list_x.1", TTL).orElseThrow();
        b.acquire("listy.1", TTL).orElseThrow();
        List<LeaseState> states = a.list("list_x.");
        assertEquals(1, states.size(), "an underscore in the prefix is no wildcard");
        assertEquals("node-a", states.get(0).holder());
        assertFalse(states.get(0).expired());
    }

    @Test
    void badArgumentsNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.acquire(" ", TTL)).getMessage()
                .startsWith("name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.acquire("x", Duration.ofMillis(10)))
                .getMessage().startsWith("ttl"));
    }
}
