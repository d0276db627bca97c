package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.incidents.ui.internal.IncidentsViews;
import org.opsbench.incidents.ui.internal.SlaDisplay;
import org.opsbench.incidents.ui.internal.TicketEditorPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An incident logged through the ticket editor (a blank title refused next to the field, then saved), moved with the
 * only buttons its state allows, and found in the queue with its SLA coloured; the knowledge base renders an article's
 * Markdown.
 */
class IncidentsUiTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static <T> T service(Class<T> type) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(FrameworkUtil.getBundle(IncidentsUiTest.class)
                .getBundleContext(), type, null);
        t.open();
        T s = t.waitForService(20_000);
        assertNotNull(s, type.getSimpleName());
        return s;
    }

    /** The first scrolled composite under {@code root}. */
    private static ScrolledComposite scroller(Composite root) {
        for (Control c : root.getChildren()) {
            if (c instanceof ScrolledComposite sc) {
                return sc;
            }
            if (c instanceof Composite inner) {
                ScrolledComposite found = scroller(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void anIncidentLoggedInTheEditorShowsUpInTheQueue() throws Exception {
        KnowledgeBase kb = service(KnowledgeBase.class);
        CiRef printer = service(Assets.class).create(Principal.system("workbench-tests"),
                CiSpec.of("server", "printer-" + RUN)).ref();
        kb.save(Principal.system("workbench-tests"), Article.draft("Printer " + RUN + " offline",
                "# Printer offline\n\nWhen the **spooler** hangs:\n\n1. run `systemctl restart cups`\n"
                        + "2. print a *test page*\n\n- check the [queue](http://printer/queue)\n",
                List.of("printing")));
        RunningWorkbench.run(s -> {
            MPart editorPart = Ui.show(s, IncidentsViews.TICKET);
            Control editor = (Control) editorPart.getWidget();
            TicketEditorPart form = (TicketEditorPart) editorPart.getObject();
            Ui.press(editor, "ticket.save");
            Label titleError = Ui.find(editor, "ticket.error.title");
            assertEquals("is required", titleError.getText());
            assertNull(form.reference());

            Ui.type(editor, "ticket.title", "Printer " + RUN + " offline on floor 2");
            Ui.type(editor, "ticket.caller", "Carol, ext. 4711");
            Ui.type(editor, "ticket.category", "printing");
            Ui.choose(editor, "ticket.impact", ((Combo) Ui.find(editor, "ticket.impact")).getItem(0));
            Ui.choose(editor, "ticket.urgency", ((Combo) Ui.find(editor, "ticket.urgency")).getItem(1));
            org.eclipse.swt.widgets.List suggestions = Ui.find(editor, "ticket.suggestions");
            // (articles of earlier runs may be suggested too when target/ was not cleaned)
            s.waitUntil("this run's article suggested", 20_000, () -> List.of(suggestions.getItems()).stream()
                    .anyMatch(i -> i.contains("Printer " + RUN + " offline")));
            Ui.press(editor, "ticket.save");
            s.waitUntil("the ticket logged", 20_000, () -> form.reference() != null
                    && RunningWorkbench.find(editor, "ticket.to.IN_PROGRESS") != null);
            String ref = form.reference();
            assertTrue(ref.matches("INC-\\d{6}"), ref);
            assertEquals("", titleError.getText());
            Label header = Ui.find(editor, "ticket.header");
            assertTrue(header.getText().startsWith(ref + "  New  P2 High"), header.getText());
            assertNull(RunningWorkbench.find(editor, "ticket.to.CLOSED"), "Closed is not legal from New");
            assertNull(RunningWorkbench.find(editor, "ticket.to.PENDING"), "Pending is not legal from New");
            Ui.press(editor, "ticket.to.IN_PROGRESS");
            s.waitUntil("in progress", 20_000, () -> header.getText().startsWith(ref + "  In progress")
                    && RunningWorkbench.find(editor, "ticket.to.PENDING") != null);
            Ui.press(editor, "ticket.to.PENDING");
            Label reasonError = Ui.find(editor, "ticket.error.reason");
            s.waitUntil("the reason refused", 20_000, () -> !reasonError.getText().isEmpty());
            assertEquals("is required", reasonError.getText());
            Ui.type(editor, "ticket.comment", "called Carol back");
            Ui.type(editor, "ticket.minutes", "10");
            Ui.press(editor, "ticket.addWorklog");
            Table log = Ui.find(editor, "worklog.table");
            s.waitUntil("the worklog line", 20_000, () -> Ui.rows(log).stream()
                    .anyMatch(r -> r.get(2).equals("called Carol back") && r.get(3).equals("10m")));
            try {
                s.screenshot(editor.getShell(), "incidents-ticket-editor");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            // attachments: a file added within the limit shown, listed, then removed
            Label limit = Ui.find(editor, "ticket.attachments.limit");
            s.waitUntil("the attachment limit shown", 20_000, () -> limit.getText().startsWith("at most "));
            Path file;
            try {
                file = Files.createTempFile("printer-" + RUN, ".log");
                Files.writeString(file, "paper jam 42");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Ui.type(editor, "ticket.attachments.file", file.toString());
            Ui.press(editor, "ticket.attachments.add");
            Table files = Ui.find(editor, "attachments.table");
            s.waitUntil("the attachment listed", 20_000, () -> files.getItemCount() == 1);
            List<String> listed = Ui.rows(files).get(0);
            assertEquals(List.of(file.getFileName().toString(), "12 B"), listed.subList(0, 2), listed.toString());
            assertTrue(Ui.rows(log).stream().anyMatch(r -> r.get(2).startsWith("attached " + file.getFileName())));

            // the CI picker searches the CMDB by name and adds the picked item's id
            s.display().timerExec(300, new Runnable() {
                int tries;
                boolean typed;

                @Override
                public void run() {
                    Shell dialog = SecurityUiTest.shellNamed(s.display(), "dialog.incidents.ci");
                    Table found = dialog == null ? null : (Table) RunningWorkbench.find(dialog, "ci.table");
                    if (dialog == null || !typed || found.getItemCount() != 1
                            || !found.getItem(0).getText(0).equals("printer-" + RUN)) {
                        if (dialog != null && !typed) {
                            SecurityUiTest.set(dialog, "ci.name", "printer-" + RUN);
                            typed = true;
                        }
                        if (++tries < 200) {
                            s.display().timerExec(100, this);
                        }
                        return;
                    }
                    found.select(0);
                    try {
                        s.screenshot(dialog, "incidents-ci-picker");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    SecurityUiTest.buttonLabelled(dialog, "OK").notifyListeners(SWT.Selection, new Event());
                }
            });
            Ui.press(editor, "ticket.pickCis");
            org.eclipse.swt.widgets.Text cis = Ui.find(editor, "ticket.cis");
            assertEquals(printer.id(), cis.getText());

            // at 1280x800 the editor scrolls: its content is not clipped, and the bottom is reachable
            ScrolledComposite scroller = scroller((Composite) editor);
            Point content = scroller.getContent().computeSize(SWT.DEFAULT, SWT.DEFAULT);
            assertTrue(scroller.getMinHeight() >= content.y, scroller.getMinHeight() + " < " + content.y);
            assertTrue(scroller.getClientArea().height < content.y, "the ticket editor is taller than its part");
            assertTrue(scroller.getVerticalBar().isVisible(), "a vertical scroll bar");
            scroller.setOrigin(0, content.y);
            s.waitUntil("scrolled", 5_000, () -> scroller.getOrigin().y > 0);
            try {
                s.screenshot(editor.getShell(), "incidents-ticket-editor-scrolled");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            files.select(0);
            Ui.press(editor, "ticket.attachments.remove");
            s.waitUntil("the attachment removed", 20_000, () -> files.getItemCount() == 0);

            MPart queuePart = Ui.show(s, IncidentsViews.QUEUE);
            Control queue = (Control) queuePart.getWidget();
            Table table = Ui.find(queue, "queue.table");
            Ui.type(queue, "queue.filter", RUN);
            s.waitUntil("the ticket in the queue", 20_000, () -> Ui.rows(table).stream()
                    .anyMatch(r -> r.get(0).equals(ref)));
            TableItem row = List.of(table.getItems()).stream().filter(i -> i.getText(0).equals(ref)).findFirst()
                    .orElseThrow();
            assertEquals("P2", row.getText(1));
            assertEquals("In progress", row.getText(2));
            assertTrue(row.getText(6).endsWith(" left"), row.getText(6));
            assertEquals(SlaDisplay.Level.OK.rgb(), row.getBackground(6).getRGB());
            Ui.choose(queue, "queue.priority", "P1 Critical");
            s.waitUntil("P1 only", 20_000, () -> Ui.rows(table).stream().noneMatch(r -> r.get(0).equals(ref)));
            Ui.choose(queue, "queue.priority", "Any priority");
            s.waitUntil("all priorities", 20_000, () -> Ui.rows(table).stream().anyMatch(r -> r.get(0).equals(ref)));
            try {
                s.screenshot(queue.getShell(), "incidents-queue");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            MPart kbPart = Ui.show(s, IncidentsViews.KNOWLEDGE);
            Control kbRoot = (Control) kbPart.getWidget();
            Ui.type(kbRoot, "kb.query", "printer " + RUN);
            Ui.press(kbRoot, "kb.search");
            Table hits = Ui.find(kbRoot, "kb.table");
            s.waitUntil("a hit", 20_000, () -> hits.getItemCount() > 0);
            hits.select(0);
            hits.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            StyledText view = Ui.find(kbRoot, "kb.view");
            s.waitUntil("the article rendered", 20_000, () -> view.getText().contains("systemctl restart cups"));
            assertFalse(view.getText().contains("**"), view.getText());
            assertTrue(view.getText().contains("1. run systemctl restart cups"), view.getText());
            int bold = view.getText().indexOf("spooler");
            StyleRange style = view.getStyleRangeAtOffset(bold);
            assertNotNull(style, "spooler styled");
            assertEquals(SWT.BOLD, style.fontStyle & SWT.BOLD);
            try {
                s.screenshot(kbRoot.getShell(), "incidents-knowledge-base");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            MPart slaPart = Ui.show(s, IncidentsViews.SLA);
            Control sla = (Control) slaPart.getWidget();
            Table policies = Ui.find(sla, "sla.policies.table");
            s.waitUntil("the policies listed", 20_000, () -> policies.getItemCount() >= 5);
            assertEquals("P1", policies.getItem(0).getText(0));
            org.eclipse.swt.widgets.Text zone = Ui.find(sla, "calendar.zone");
            s.waitUntil("the calendar shown", 20_000, () -> !zone.getText().isEmpty());
            ScrolledComposite slaScroller = scroller((Composite) sla);
            Point slaContent = slaScroller.getContent().computeSize(SWT.DEFAULT, SWT.DEFAULT);
            assertTrue(slaScroller.getMinHeight() >= slaContent.y, slaScroller.getMinHeight() + " < " + slaContent.y);
            assertTrue(slaScroller.getMinWidth() >= slaContent.x, slaScroller.getMinWidth() + " < " + slaContent.x);
            try {
                s.screenshot(sla.getShell(), "incidents-sla-calendar");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            MPart problemsPart = Ui.show(s, IncidentsViews.PROBLEMS);
            Control problems = (Control) problemsPart.getWidget();
            Ui.type(problems, "problems.title", "Spooler " + RUN + " leaks memory");
            Ui.type(problems, "problems.rootCause", "driver 4.2 leak");
            Ui.type(problems, "problems.workaround", "restart cups nightly");
            Ui.type(problems, "problems.terms", "spooler");
            Ui.press(problems, "problems.save");
            Table prbs = Ui.find(problems, "problems.table");
            Ui.type(problems, "problems.filter", RUN);
            s.waitUntil("the problem listed", 20_000, () -> prbs.getItemCount() == 1);
            Ui.press(problems, "problems.publish");
            s.waitUntil("published", 20_000, () -> prbs.getItemCount() == 1
                    && prbs.getItem(0).getText(2).equals("known error"));
            try {
                s.screenshot(problems.getShell(), "incidents-problems");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
