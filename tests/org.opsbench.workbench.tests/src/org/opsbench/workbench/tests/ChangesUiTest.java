package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.HostAccess;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.ui.internal.CalendarPart;
import org.opsbench.changes.ui.internal.ChangeEditorPart;
import org.opsbench.changes.ui.internal.ChangeViews;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SecretStore;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The change calendar draws a week and a month with a freeze window and two changes in conflict outlined; the change
 * editor offers exactly the workflow moves allowed now and moves a change through them. Real services, real SWT.
 */
class ChangesUiTest {

    private static final Principal REQUESTER = Principal.system("changes-ui-tests");
    private static final Principal CAB_1 = Principal.system("cab-ui-1");
    private static final Principal CAB_2 = Principal.system("cab-ui-2");
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static Changes changes() throws Exception {
        return service(Changes.class);
    }

    private static <T> T service(Class<T> type) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(FrameworkUtil.getBundle(ChangesUiTest.class).getBundleContext(),
                type, null);
        t.open();
        T c = t.waitForService(20_000);
        assertNotNull(c, type.getSimpleName());
        return c;
    }

    private static ChangeRequest approved(Changes changes, String title, CiRef... items) {
        ChangeRequest c = changes.create(REQUESTER, ChangeDraft.of(ChangeType.NORMAL, title, List.of(items))
                .withSteps(List.of("systemctl reload nginx"), List.of("systemctl restart nginx")));
        changes.submit(REQUESTER, c.reference());
        changes.transition(CAB_1, c.reference(), ChangeState.ASSESSED, "");
        changes.approve(CAB_1, c.reference(), "");
        return changes.approve(CAB_2, c.reference(), "");
    }

    @Test
    void theCalendarDrawsFreezesAndConflictsAndTheEditorOffersOnlyLegalMoves() throws Exception {
        Changes changes = changes();
        // the product ships the CMDB: a change's items must be items of it
        Assets assets = service(Assets.class);
        CiRef web = assets.create(CAB_1, CiSpec.of("server", "web-" + RUN)).ref();
        CiRef db = assets.create(CAB_1, CiSpec.of("server", "db-" + RUN)).ref();
        // next week, so that the week is ours whatever day the test runs
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        ZoneId zone = ZoneId.systemDefault();
        Instant tue = monday.plusDays(1).atTime(9, 0).atZone(zone).toInstant();
        FreezeWindow freeze = changes.saveFreeze(CAB_1, new FreezeWindow(0, "release " + RUN,
                monday.plusDays(3).atStartOfDay(zone).toInstant(), monday.plusDays(5).atStartOfDay(zone).toInstant(),
                "release week"));
        // a freeze left behind would shadow the next run's calendar
        try {
            ChangeRequest a = approved(changes, "nginx TLS", web, db);
            ChangeRequest b = approved(changes, "db patch", db);
            ChangeRequest c = approved(changes, "web cache", web);
            changes.schedule(REQUESTER, a.reference(), tue, tue.plus(Duration.ofHours(6)));
            changes.schedule(REQUESTER, b.reference(), tue.plus(Duration.ofHours(3)), tue.plus(Duration.ofHours(26)));
            changes.schedule(REQUESTER, c.reference(), tue.plus(Duration.ofHours(24)), tue.plus(Duration.ofHours(30)));
            ChangeRequest done = changes.create(REQUESTER, ChangeDraft.of(ChangeType.EMERGENCY, "hotfix " + RUN,
                    List.of(web)).withSteps(List.of("dnf -y update openssl"), List.of("dnf -y downgrade openssl")));
            changes.submit(REQUESTER, done.reference());
            changes.schedule(REQUESTER, done.reference(), Instant.now().plusSeconds(60),
                    Instant.now().plusSeconds(1800));
            changes.transition(REQUESTER, done.reference(), ChangeState.IMPLEMENTING, "");
            changes.transition(REQUESTER, done.reference(), ChangeState.IMPLEMENTED, "");
            // a host nobody listens on: the execution runs, and its step fails, as the log shows
            int closed;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                closed = socket.getLocalPort();
            }
            CiRef lab = assets.create(CAB_1, CiSpec.of("server", "lab-" + RUN)).ref();
            String alias = "changes-ui/" + RUN;
            service(SecretStore.class).store(REQUESTER, alias, SecretStore.Kind.PASSWORD, "ui test",
                    "not-used".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            service(ChangeExecution.class).saveAccess(REQUESTER, new HostAccess(lab.id(), "127.0.0.1", closed, "ops",
                    alias));
            ChangeRequest toRun = changes.create(REQUESTER, ChangeDraft.of(ChangeType.EMERGENCY, "restart lab " + RUN,
                    List.of(lab)).withSteps(List.of("systemctl restart app"), List.of("systemctl start app")));
            changes.submit(REQUESTER, toRun.reference());
            changes.schedule(REQUESTER, toRun.reference(), Instant.now().plusSeconds(60),
                    Instant.now().plusSeconds(900));
            ChangeRequest draft = changes.create(REQUESTER, ChangeDraft.of(ChangeType.NORMAL, "rotate keys " + RUN,
                    List.of(web)).withSteps(List.of("ssh-keygen -A"), List.of()));

            RunningWorkbench.run(s -> {
                MPart part = Ui.show(s, ChangeViews.CALENDAR);
                CalendarPart calendar = (CalendarPart) part.getObject();
                Control root = (Control) part.getWidget();
                calendar.show(monday, false);
                s.waitUntil("the calendar read", 20_000,
                        () -> calendar.data().changes().stream().anyMatch(x -> x.reference().equals(c.reference())));
                s.waitUntil("the bars drawn", 20_000, () -> calendar.bars().containsKey(c.reference()));
                assertEquals(List.of(freeze), calendar.data().freezes());
                assertTrue(calendar.conflicted().containsAll(List.of(a.reference(), b.reference())),
                        calendar.conflicted().toString());
                assertTrue(!calendar.conflicted().contains(c.reference()), "c starts when a has ended");
                Label conflicts = Ui.find(root, "calendar.conflicts");
                assertTrue(conflicts.getText().contains("Conflict: " + a.reference() + " and " + b.reference()
                        + " overlap on " + db.name()), conflicts.getText());
                // a's bar starts on Tuesday (the second of seven columns) and lies left of c's
                assertTrue(calendar.bars().get(a.reference()).x < calendar.bars().get(c.reference()).x);
                shot(s, root, "changes-calendar-week");
                int weekWidth = calendar.bars().get(b.reference()).width;
                calendar.show(monday, true);
                s.waitUntil("the month drawn", 20_000, () -> calendar.bars().containsKey(b.reference())
                        && calendar.bars().get(b.reference()).width < weekWidth / 3);
                shot(s, root, "changes-calendar-month");

                ChangeViews.select(s.application(), draft.reference());
                MPart editorPart = Ui.show(s, ChangeViews.EDITOR);
                ChangeEditorPart editor = (ChangeEditorPart) editorPart.getObject();
                Control e = (Control) editorPart.getWidget();
                s.waitUntil("the draft shown", 20_000,
                        () -> editor.shown() != null && editor.shown().reference().equals(draft.reference()));
                s.waitUntil("its moves offered", 20_000, () -> moves(e).equals(List.of("editor.to.SUBMITTED")));
                Label header = Ui.find(e, "editor.header");
                assertTrue(header.getText().startsWith(draft.reference() + "  NORMAL  DRAFT"), header.getText());
                Ui.press(e, "editor.to.SUBMITTED");
                s.waitUntil("submitted", 20_000, () -> header.getText().contains("SUBMITTED")
                        && moves(e).equals(List.of("editor.to.DRAFT", "editor.to.ASSESSED", "editor.to.REJECTED")));
                assertNull(RunningWorkbench.find(e, "editor.to.APPROVED"), "no approval before assessment");
                Ui.press(e, "editor.to.ASSESSED");
                s.waitUntil("assessed", 20_000, () -> header.getText().contains("ASSESSED")
                        && RunningWorkbench.find(e, "editor.approve") != null);
                assertTrue(
                        ((org.eclipse.swt.widgets.Text) Ui.find(e, "editor.risk")).getText().contains("normal change"));
                assertEquals(List.of(), moves(e), "approval goes through the quorum, rejection with a reason");
                assertNotNull(RunningWorkbench.find(e, "editor.reject"));
                shot(s, e, "changes-editor");

                MPart listPart = Ui.show(s, ChangeViews.LIST);
                Control list = (Control) listPart.getWidget();
                Ui.choose(list, "changes.group", "All");
                Table rows = Ui.find(list, "changes.table");
                s.waitUntil("the list read", 20_000, () -> Ui.rows(rows).stream()
                        .anyMatch(r -> r.get(0).equals(draft.reference()) && r.get(2).equals("ASSESSED")));
                shot(s, list, "changes-list");
                MPart inboxPart = Ui.show(s, ChangeViews.INBOX);
                Table inbox = Ui.find((Control) inboxPart.getWidget(), "inbox.table");
                s.waitUntil("the inbox read", 20_000, () -> Ui.rows(inbox).stream()
                        .anyMatch(r -> r.get(0).equals(draft.reference()) && r.get(3).equals("0 of 2")));
                shot(s, (Control) inboxPart.getWidget(), "changes-inbox");
                MPart corrPart = Ui.show(s, ChangeViews.CORRELATION);
                Control corr = (Control) corrPart.getWidget();
                Ui.type(corr, "correlation.items", web.name());
                Ui.press(corr, "correlation.search");
                Table found = Ui.find(corr, "correlation.table");
                s.waitUntil("the correlation", 20_000, () -> Ui.rows(found).stream()
                        .anyMatch(r -> r.get(2).equals(done.reference()) && r.get(3).equals("IMPLEMENTED")));
                shot(s, corr, "changes-correlation");
                ChangeViews.select(s.application(), toRun.reference());
                MPart execPart = Ui.show(s, ChangeViews.EXECUTION);
                Control exec = (Control) execPart.getWidget();
                Label execHeader = Ui.find(exec, "execution.header");
                assertEquals(toRun.reference(), execHeader.getText());
                Ui.press(exec, "execution.execute");
                Table stepRuns = Ui.find(exec, "execution.runs.table");
                s.waitUntil("the failed step logged", 30_000, () -> Ui.rows(stepRuns).stream()
                        .anyMatch(r -> r.get(2).equals(lab.name()) && r.get(3).equals("FAILED")));
                s.waitUntil("the outcome", 30_000, () -> ((Label) Ui.find(exec, "execution.message")).getText()
                        .equals(toRun.reference() + " implement: FAILED - roll back to restore"));
                stepRuns.select(0);
                stepRuns.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                shot(s, exec, "changes-execution");
                MPart basePart = Ui.show(s, ChangeViews.BASELINES);
                shot(s, (Control) basePart.getWidget(), "changes-baselines");

                Ui.show(s, ChangeViews.EDITOR);
                ChangeViews.select(s.application(), ChangeEditorPart.NEW);
                s.waitUntil("a new change", 20_000, () -> header.getText().equals("New change"));
                Ui.type(e, "editor.items", web.id());
                Ui.press(e, "editor.save");
                s.waitUntil("the refusal", 20_000, () -> ((Label) Ui.find(e, "editor.message")).getText()
                        .startsWith("title: required"));
            });
        } finally {
            changes.deleteFreeze(CAB_1, freeze.id());
        }
    }

    /** The ids of the workflow buttons the editor offers, in order. */
    private static List<String> moves(Control editor) {
        Composite bar = Ui.find(editor, "editor.workflow");
        return java.util.Arrays.stream(bar.getChildren()).filter(b -> b instanceof Button && !b.isDisposed())
                .map(b -> (String) b.getData(org.opsbench.workbench.WorkbenchIds.WIDGET_ID))
                .filter(id -> id.startsWith("editor.to.")).toList();
    }

    private static void shot(RunningWorkbench.Session s, Control root, String name) {
        try {
            s.screenshot(root.getShell(), name);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
