package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.ExecutionMonitor;
import org.opsbench.changes.ExecutionReport;
import org.opsbench.changes.StepRun;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.NotAllowedException;
import org.osgi.service.event.Event;

/**
 * Execution over SSH against the real sshd: steps in order on every host, stopping at the first failure, output stored
 * per step; the rollback restores the file the failed steps changed; the change window is posted and lifted; a running
 * step is cancelled.
 */
class ExecutionTest {

    @RegisterExtension
    static final TestHost HOST = new TestHost();

    private static RecordedEvents events;

    @BeforeAll
    static void listen() {
        events = new RecordedEvents(Topics.ROOT + "changes/*");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    private static ChangeRequest scheduled(ChangeType type, List<String> steps, List<String> rollback, CiRef... items)
            throws Exception {
        Changes changes = Osgi.service(Changes.class);
        Instant start = Instant.now().plus(Duration.ofMinutes(5));
        ChangeRequest c = changes.create(People.OPERATOR, ChangeDraft.of(type, "exec test", List.of(items))
                .withSteps(steps, rollback).withWindow(start, start.plus(Duration.ofHours(1))));
        changes.submit(People.OPERATOR, c.reference());
        changes.schedule(People.OPERATOR, c.reference(), start, start.plus(Duration.ofHours(1)));
        return c;
    }

    @Test
    void aFailingStepStopsTheChangeAndTheRollbackRestoresTheFile() throws Exception {
        Path file = HOST.files().resolve("app-" + People.RUN + ".conf");
        CiRef web = HOST.item("exec-web-" + People.RUN);
        String f = file.toString();
        ChangeRequest c = scheduled(ChangeType.EMERGENCY,
                List.of("printf 'version=1\\n' > " + f + " && cp " + f + " " + f + ".bak",
                        "printf 'version=2\\n' > " + f + " && echo changed",
                        "echo 'cannot reload' >&2; exit 3",
                        "echo never > " + f + ".never"),
                List.of("cp " + f + ".bak " + f, "cat " + f), web);
        ChangeExecution execution = Osgi.service(ChangeExecution.class);

        ExecutionReport report = execution.execute(People.OPERATOR, c.reference(), ExecutionMonitor.NONE);

        assertEquals(ChangeState.FAILED, report.state());
        assertEquals(List.of(StepRun.Status.SUCCEEDED, StepRun.Status.SUCCEEDED, StepRun.Status.FAILED),
                report.runs().stream().map(StepRun::status).toList());
        StepRun failed = report.runs().get(2);
        assertEquals(3, failed.step());
        assertEquals(3, failed.exitCode());
        assertEquals(web.name(), failed.host());
        assertTrue(failed.output().contains("cannot reload"), failed.output());
        assertEquals("changed\n", report.runs().get(1).output());
        assertEquals("version=2\n", Files.readString(file));
        assertTrue(Files.notExists(Path.of(f + ".never")), "the step after the failure never ran");
        assertEquals(report.runs(), execution.runs(People.VIEWER, c.reference()));

        Event started = events.await(Topics.CHANGES_STARTED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE)));
        assertEquals(List.of(web.id()), List.of((String[]) started.getProperty(EventProperties.CI_IDS)));
        Event ended = events.await(Topics.CHANGES_ENDED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE)));
        assertEquals("FAILED", ended.getProperty(EventProperties.NEW_STATE));
        assertEquals(List.of(web.name()), List.of((String[]) ended.getProperty(EventProperties.CI_NAMES)));

        ExecutionReport rollback = execution.rollback(People.OPERATOR, c.reference(), ExecutionMonitor.NONE);

        assertEquals(ChangeState.ROLLED_BACK, rollback.state());
        assertEquals("version=1\n", Files.readString(file));
        assertEquals("version=1\n", rollback.runs().get(1).output());
        assertEquals(5, execution.runs(People.VIEWER, c.reference()).size());
        assertEquals(2, events.of(Topics.CHANGES_STARTED,
                e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE))).size());
        events.await(Topics.CHANGES_ENDED, e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE))
                && "ROLLED_BACK".equals(e.getProperty(EventProperties.NEW_STATE)));
    }

    @Test
    void eachStepRunsOnEveryHostInTheItemsOrderAndSuccessImplementsTheChange() throws Exception {
        CiRef a = HOST.item("exec-a-" + People.RUN);
        CiRef b = HOST.item("exec-b-" + People.RUN);
        Path log = HOST.files().resolve("order-" + People.RUN + ".log");
        ChangeRequest c = scheduled(ChangeType.EMERGENCY,
                List.of("echo one >> " + log, "echo two >> " + log), List.of(), a, b);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutionReport report = Osgi.service(ChangeExecution.class).execute(People.OPERATOR, c.reference(),
                new ExecutionMonitor() {
                    @Override
                    public void starting(StepRun.Phase phase, int step, int total, String host, String command) {
                        seen.add(step + "/" + total + " " + host);
                    }
                });
        assertEquals(ChangeState.IMPLEMENTED, report.state());
        assertEquals(List.of("1/4 " + a.name(), "2/4 " + b.name(), "3/4 " + a.name(), "4/4 " + b.name()), seen);
        assertEquals(List.of(1, 1, 2, 2), report.runs().stream().map(StepRun::step).toList());
        assertEquals("one\none\ntwo\ntwo\n", Files.readString(log));
        events.await(Topics.CHANGES_ENDED, e -> c.reference().equals(e.getProperty(EventProperties.REFERENCE))
                && "IMPLEMENTED".equals(e.getProperty(EventProperties.NEW_STATE)));
    }

    @Test
    void aCancelledStepFailsTheChangeAndLaterStepsDoNotRun() throws Exception {
        CiRef web = HOST.item("exec-cancel-" + People.RUN);
        Path marker = HOST.files().resolve("after-cancel-" + People.RUN);
        ChangeRequest c = scheduled(ChangeType.EMERGENCY, List.of("sleep 60", "touch " + marker), List.of(), web);
        AtomicBoolean cancel = new AtomicBoolean();
        ExecutionReport report = Osgi.service(ChangeExecution.class).execute(People.OPERATOR, c.reference(),
                new ExecutionMonitor() {
                    @Override
                    public void starting(StepRun.Phase phase, int step, int total, String host, String command) {
                        cancel.set(true);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancel.get();
                    }
                });
        assertEquals(ChangeState.FAILED, report.state());
        assertEquals(List.of(StepRun.Status.CANCELLED), report.runs().stream().map(StepRun::status).toList());
        assertTrue(Files.notExists(marker));
    }

    @Test
    void onlyAScheduledChangeRunsAndOnlyForThoseWhoMayExecute() throws Exception {
        CiRef web = HOST.item("exec-perm-" + People.RUN);
        ChangeRequest c = scheduled(ChangeType.EMERGENCY, List.of("true"), List.of(), web);
        ChangeExecution execution = Osgi.service(ChangeExecution.class);
        assertThrows(NotAllowedException.class,
                () -> execution.execute(People.VIEWER, c.reference(), ExecutionMonitor.NONE));
        IllegalStateException noRollback = assertThrows(IllegalStateException.class,
                () -> execution.rollback(People.OPERATOR, c.reference(), ExecutionMonitor.NONE));
        assertTrue(noRollback.getMessage().contains("only a FAILED change is rolled back"), noRollback.getMessage());
        CiRef unknown = new CiRef("nowhere-" + People.RUN, "host", "nowhere-" + People.RUN);
        ChangeRequest lost = scheduled(ChangeType.EMERGENCY, List.of("true"), List.of(), unknown);
        IllegalStateException noAccess = assertThrows(IllegalStateException.class,
                () -> execution.execute(People.OPERATOR, lost.reference(), ExecutionMonitor.NONE));
        assertTrue(noAccess.getMessage().startsWith("no SSH access for " + unknown.name()), noAccess.getMessage());
        assertEquals(ChangeState.SCHEDULED,
                Osgi.service(Changes.class).find(People.OPERATOR, lost.reference()).orElseThrow().state());
    }
}
