package org.opsbench.incidents.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.Problem;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Sla;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketDraft;
import org.opsbench.incidents.TicketKind;
import org.opsbench.incidents.TicketState;
import org.opsbench.incidents.TransitionRequest;
import org.opsbench.incidents.WorklogEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code incidents:*} Gogo commands: {@code create}, {@code list}, {@code show}, {@code transition},
 * {@code assign}. Gogo calls {@code _main} with the function's name first. Every command acts as the principal of
 * {@code opsbench:login} through the public service, which checks the permission and audits; an error is one line,
 * {@code error: ...}, naming the bad argument or field.
 */
@Component(service = IncidentsCommand.class, property = {"osgi.command.scope=incidents",
        "osgi.command.function=create", "osgi.command.function=list", "osgi.command.function=show",
        "osgi.command.function=transition", "osgi.command.function=assign"})
public final class IncidentsCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(
            List.of("list", "create", "show", "transition", "assign"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final Incidents incidents;

    @Activate
    public IncidentsCommand(@Reference Incidents incidents) {
        this.incidents = incidents;
    }

    /** Called by Gogo with the function's name first. */
    public Object _main(CommandSession session, String... args) {
        List<String> all = List.of(args);
        String function = "list";
        if (!all.isEmpty()) {
            String first = all.get(0);
            String bare = first.startsWith("incidents:") ? first.substring("incidents:".length()) : first;
            if (FUNCTIONS.contains(bare)) {
                function = bare;
                all = all.subList(1, all.size());
            }
        }
        try {
            Principal caller = principal(session);
            return switch (function) {
                case "create" -> create(caller, all);
                case "show" -> show(caller, arg(all, 0, "show REFERENCE"));
                case "transition" -> transition(caller, all);
                case "assign" -> assign(caller, all);
                default -> list(caller, all);
            };
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        }
    }

    private static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    private static String arg(List<String> args, int index, String usage) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(index);
    }

    /** {@code create [-r] [-g GROUP] [-c CATEGORY] [--ci ID]... IMPACT URGENCY TITLE...}. */
    private String create(Principal caller, List<String> args) {
        String usage = "create [-r] [-g GROUP] [-c CATEGORY] [--ci ID]... IMPACT URGENCY TITLE...";
        TicketKind kind = TicketKind.INCIDENT;
        String group = null;
        String category = "";
        List<String> cis = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            switch (args.get(i)) {
                case "-r" -> kind = TicketKind.REQUEST;
                case "-g" -> group = arg(args, ++i, usage);
                case "-c" -> category = arg(args, ++i, usage);
                case "--ci" -> cis.add(arg(args, ++i, usage));
                default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'; usage: " + usage);
            }
            i++;
        }
        int impact = level("impact", arg(args, i, usage));
        int urgency = level("urgency", arg(args, i + 1, usage));
        String title = String.join(" ", args.subList(Math.min(args.size(), i + 2), args.size()));
        Ticket t = incidents.create(caller, new TicketDraft(kind, title, "", "", category, cis, impact, urgency,
                group, null));
        StringBuilder out = new StringBuilder("created " + t.reference() + " " + t.priority() + " " + t.state());
        for (Problem p : incidents.knownErrorsFor(caller, t.reference())) {
            out.append("\n  known error ").append(p.reference()).append(": ").append(p.title())
                    .append("\n  workaround: ").append(p.workaround());
        }
        return out.toString();
    }

    private static int level(String field, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a level number (1 = highest), was '" + text + "'");
        }
    }

    /** {@code list [--mine|--groups] [-s STATE[,STATE]] [-p P1[,P2]] [-n COUNT] [TEXT]}. */
    private String list(Principal caller, List<String> args) {
        String usage = "list [--mine|--groups|--all] [-s STATE,...] [-p P1,...] [-n COUNT] [TEXT]";
        QueueQuery.Scope scope = QueueQuery.Scope.ALL;
        Set<TicketState> states = EnumSet.of(TicketState.NEW, TicketState.ASSIGNED, TicketState.IN_PROGRESS,
                TicketState.PENDING);
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        int limit = 50;
        String text = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--mine" -> scope = QueueQuery.Scope.MINE;
                case "--groups" -> scope = QueueQuery.Scope.MY_GROUPS;
                case "--all" -> scope = QueueQuery.Scope.ALL;
                case "-s" -> {
                    states = EnumSet.noneOf(TicketState.class);
                    for (String s : arg(args, ++i, usage).split(",")) {
                        states.add(state(s));
                    }
                }
                case "-p" -> {
                    for (String p : arg(args, ++i, usage).split(",")) {
                        try {
                            priorities.add(Priority.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("-p: P1..P5, was '" + p + "'");
                        }
                    }
                }
                case "-n" -> limit = level("-n", arg(args, ++i, usage));
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'; usage: " + usage);
                    }
                    text = text.isEmpty() ? a : text + " " + a;
                }
            }
        }
        QueueQuery q = new QueueQuery(scope, states, priorities, text, QueueQuery.Sort.SLA_DEADLINE, true, 0, limit);
        List<Ticket> page = incidents.queue(caller, q);
        long total = incidents.count(caller, q);
        StringBuilder out = new StringBuilder(String.format("%-10s %-3s %-11s %-12s %-12s %-16s %s%n", "REFERENCE",
                "PRI", "STATE", "GROUP", "ASSIGNEE", "SLA", "TITLE"));
        Instant now = Instant.now();
        for (Ticket t : page) {
            out.append(String.format("%-10s %-3s %-11s %-12s %-12s %-16s %s%n", t.reference(), t.priority(),
                    t.state(), dash(t.group()), dash(t.assignee()), sla(t.sla(), now), t.title()));
        }
        out.append(page.size()).append(" of ").append(total).append(" tickets");
        return out.toString();
    }

    private static TicketState state(String s) {
        try {
            return TicketState.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state: one of " + List.of(TicketState.values()) + ", was '" + s + "'");
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** {@code 2h10m left}, {@code paused}, {@code breached}, or {@code -}. */
    static String sla(Sla sla, Instant now) {
        if (sla.policy() == null) {
            return "-";
        }
        if (sla.breached()) {
            return "breached";
        }
        if (sla.paused() || sla.resolutionDue() == null) {
            return "paused";
        }
        Duration left = Duration.between(now, sla.resolutionDue());
        if (left.isNegative()) {
            return "overdue";
        }
        return (left.toDays() > 0 ? left.toDays() + "d" : "") + left.toHoursPart() + "h" + left.toMinutesPart()
                + "m left";
    }

    private String show(Principal caller, String reference) {
        Ticket t = incidents.ticket(caller, reference)
                .orElseThrow(() -> new IllegalArgumentException("no such ticket: " + reference));
        StringBuilder out = new StringBuilder();
        out.append(t.reference()).append(" ").append(t.kind()).append(" ").append(t.state().label()).append(": ")
                .append(t.title()).append('\n');
        line(out, "priority", t.priority() + " (impact " + t.impact() + ", urgency " + t.urgency() + ")");
        line(out, "group", dash(t.group()));
        line(out, "assignee", dash(t.assignee()));
        line(out, "reporter", t.reporter());
        if (!t.caller().isEmpty()) {
            line(out, "caller", t.caller());
        }
        if (!t.category().isEmpty()) {
            line(out, "category", t.category());
        }
        if (!t.cis().isEmpty()) {
            line(out, "cis", String.join(", ", t.cis().stream().map(c -> c.type() + ":" + c.name()).toList()));
        }
        if (t.pendingReason() != null) {
            line(out, "pending", t.pendingReason());
        }
        if (t.resolutionCode() != null) {
            line(out, "resolved", t.resolutionCode() + ": " + t.resolutionNotes());
        }
        if (t.problem() != null) {
            line(out, "problem", t.problem());
        }
        line(out, "logged", TIME.format(t.created()));
        Sla sla = t.sla();
        line(out, "sla", sla.policy() == null
                ? "-"
                : sla.policy() + ", " + sla(sla, Instant.now()) + ", " + sla.percentUsed() + " % used"
                        + (sla.resolutionDue() == null ? "" : ", due " + TIME.format(sla.resolutionDue())));
        for (Problem p : incidents.knownErrorsFor(caller, t.reference())) {
            line(out, "known error", p.reference() + " " + p.title() + " - workaround: " + p.workaround());
        }
        out.append("worklog:\n");
        for (WorklogEntry w : incidents.worklog(caller, t.reference())) {
            out.append("  ").append(TIME.format(w.at())).append(' ').append(w.author()).append(": ").append(w.text())
                    .append(w.timeSpent().isZero() ? "" : " (" + w.timeSpent().toMinutes() + " min)").append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format("  %-10s %s%n", key, value));
    }

    /** {@code transition REFERENCE STATE [TEXT...]}; Resolved takes {@code CODE NOTES...}. */
    private String transition(Principal caller, List<String> args) {
        String usage = "transition REFERENCE STATE [REASON... | CODE NOTES...]";
        String ref = arg(args, 0, usage);
        TicketState target = state(arg(args, 1, usage));
        List<String> rest = args.subList(2, args.size());
        TransitionRequest request = switch (target) {
            case RESOLVED -> TransitionRequest.resolved(rest.isEmpty() ? "" : rest.get(0),
                    rest.size() < 2 ? "" : String.join(" ", rest.subList(1, rest.size())));
            default -> new TransitionRequest(target, String.join(" ", rest), "", "");
        };
        Ticket t = incidents.transition(caller, ref, request);
        return t.reference() + " is " + t.state() + "; next: "
                + String.join(", ", t.state().next().stream().map(Enum::name).toList());
    }

    /** {@code assign REFERENCE GROUP|- [ASSIGNEE]}. */
    private String assign(Principal caller, List<String> args) {
        String usage = "assign REFERENCE GROUP|- [ASSIGNEE]";
        String ref = arg(args, 0, usage);
        String group = arg(args, 1, usage);
        String assignee = args.size() > 2 ? args.get(2) : null;
        Ticket t = incidents.assign(caller, ref, group.equals("-") ? null : group, assignee);
        return t.reference() + " assigned to " + dash(t.group()) + " / " + dash(t.assignee()) + " (" + t.state() + ")";
    }
}
