package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.ChainVerification;
import org.opsbench.security.internal.AuditWriter;

/** The hash chain finds edited and deleted rows; search and CSV export. */
class AuditChainTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    private static final Principal ALICE = Principal.user("alice", "Alice");

    private AuditLog log;
    private AuditTrail trail;
    private Principal admin;

    @BeforeEach
    void freshTrail() throws Exception {
        RUNTIME.freshDatabase();
        log = RUNTIME.service(AuditLog.class);
        trail = RUNTIME.service(AuditTrail.class);
        admin = RUNTIME.admin();
        for (int i = 1; i <= 20; i++) {
            log.append(new AuditEntry(ALICE, "incidents.update", "incident", "INC-" + i, "changed priority",
                    "P3", "P2"));
        }
    }

    @Test
    void anUntouchedTrailVerifies() {
        ChainVerification v = trail.verify(admin);
        assertTrue(v.intact(), v.toString());
        assertTrue(v.checked() >= 20);
    }

    @Test
    void editingARowThroughSqlIsDetected() throws Exception {
        assertEquals(1, RUNTIME.sql("UPDATE SECURITY_AUDIT SET AFTER_VALUE = 'P1' WHERE OBJECT_ID = 'INC-7'"));
        ChainVerification v = trail.verify(admin);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("changed"), v.problem());
        long seq = trail.search(admin, new AuditQuery(null, null, null, "incident", "INC-7", 1)).get(0).sequence();
        assertEquals(seq, v.firstBadSequence());
    }

    @Test
    void editingARowAndItsHashIsDetectedByTheNextRecord() throws Exception {
        // whoever recomputes the edited row's own hash still breaks the link to the following record
        AuditRecord r = trail.search(admin, new AuditQuery(null, null, null, "incident", "INC-7", 1)).get(0);
        RUNTIME.sql("UPDATE SECURITY_AUDIT SET SUMMARY = 'nothing', HASH = '" + "a".repeat(64) + "' WHERE SEQ = "
                + r.sequence());
        ChainVerification v = trail.verify(admin);
        assertFalse(v.intact());
        assertEquals(r.sequence(), v.firstBadSequence());
    }

    @Test
    void deletingARowThroughSqlIsDetected() throws Exception {
        assertEquals(1, RUNTIME.sql("DELETE FROM SECURITY_AUDIT WHERE OBJECT_ID = 'INC-11'"));
        ChainVerification v = trail.verify(admin);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void deletingTheNewestRowsIsDetected() throws Exception {
        RUNTIME.sql("DELETE FROM SECURITY_AUDIT WHERE SEQ > (SELECT MAX(SEQ) - 3 FROM SECURITY_AUDIT)");
        ChainVerification v = trail.verify(admin);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void concurrentAppendsFormOneGaplessChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AuditRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                futures.add(pool.submit(() -> log.append(AuditEntry.of(ALICE, "bulk", "item", "I-" + n, "bulk"))));
            }
            for (Future<AuditRecord> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(trail.verify(admin).intact());
        assertEquals(400, trail.search(admin, new AuditQuery(null, null, "alice", "item", null, 0)).size());
    }

    @Test
    void twoWritersOnOneDatabaseStillFormOneChain() throws Exception {
        // as two servers on one database would: each writer's cached head goes stale and is re-read
        try (AuditWriter other = new AuditWriter(RUNTIME.dataSource()::getConnection, Clock.systemUTC())) {
            for (int i = 0; i < 30; i++) {
                log.append(AuditEntry.of(ALICE, "here", "item", "H-" + i, "from this process"));
                other.append(AuditEntry.of(ALICE, "there", "item", "T-" + i, "from another process"));
            }
        }
        ChainVerification v = trail.verify(admin);
        assertTrue(v.intact(), v.toString());
        assertEquals(60, trail.search(admin, new AuditQuery(null, null, "alice", "item", null, 0)).size());
    }

    @Test
    void searchByPrincipalObjectAndTimeAndExportCsv() throws Exception {
        List<AuditRecord> inc = trail.search(admin, new AuditQuery(null, null, "alice", "incident", "INC-3", 0));
        assertEquals(1, inc.size());
        assertEquals("P3", inc.get(0).entry().before());
        assertEquals("P2", inc.get(0).entry().after());
        var time = inc.get(0).time();
        assertTrue(trail.search(admin, new AuditQuery(time.plusSeconds(3600), null, "alice", null, null, 0))
                .isEmpty());
        assertEquals(20, trail.search(admin, new AuditQuery(time.minusSeconds(3600), time.plusSeconds(3600), "alice",
                null, null, 0)).size());

        log.append(AuditEntry.of(ALICE, "notes.add", "note", "N-1", "said \"hi\", then left"));
        StringWriter csv = new StringWriter();
        long count = trail.exportCsv(admin, new AuditQuery(null, null, "alice", null, null, 0), csv);
        assertEquals(21, count);
        String[] lines = csv.toString().split("\r\n");
        assertEquals(22, lines.length);
        assertTrue(lines[0].startsWith("sequence,time,principal"));
        assertTrue(lines[21].contains("\"said \"\"hi\"\", then left\""), lines[21]);
    }
}
