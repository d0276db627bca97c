package org.opsbench.changes.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.changes.ChangeCalendar;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Conflict;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.changes.HistoryEntry;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Requests for change on the console: {@code list [STATE...]}, {@code show REF},
 * {@code create TYPE TITLE [items=ID,..] [start=T end=T] [step=CMD]... [rollback=CMD]... [reason= test= implementer=]}
 * (or {@code create standard TEMPLATE items=...}), {@code submit REF}, {@code approve REF [COMMENT]},
 * {@code reject REF COMMENT}, {@code move REF STATE [COMMENT]}, {@code schedule REF START END},
 * {@code calendar [DAYS]}, {@code freeze add NAME START END [REASON] | list | delete ID}.
 */
@Component(service = ChangesCommand.class, property = {ChangesCommand.SCOPE, "osgi.command.function=list",
        "osgi.command.function=show", "osgi.command.function=create", "osgi.command.function=submit",
        "osgi.command.function=approve", "osgi.command.function=reject", "osgi.command.function=move",
        "osgi.command.function=schedule", "osgi.command.function=calendar", "osgi.command.function=freeze"})
public final class RequestCommand extends ChangesCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("list", "show", "create", "submit",
            "approve", "reject", "move", "schedule", "calendar", "freeze"));
    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("items", "start", "end", "step", "rollback",
            "reason", "test", "implementer"));

    private final Changes changes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    @Activate
    public RequestCommand(@Reference Changes changes) {
        this.changes = changes;
    }

    @Override
    Set<String> functions() {
        return FUNCTIONS;
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal me = principal(session);
        return switch (function) {
            case "list" -> list(me, args);
            case "show" -> show(me, arg(args, 0, "show REF"));
            case "create" -> create(me, args);
            case "submit" -> said(changes.submit(me, arg(args, 0, "submit REF")));
            case "approve" -> said(changes.approve(me, arg(args, 0, "approve REF [COMMENT...]"),
                    String.join(" ", args.subList(1, args.size()))));
            case "reject" -> said(changes.reject(me, arg(args, 0, "reject REF COMMENT..."),
                    String.join(" ", args.subList(1, args.size()))));
            case "move" -> said(changes.transition(me, arg(args, 0, "move REF STATE [COMMENT...]"),
                    state(arg(args, 1, "move REF STATE [COMMENT...]")),
                    String.join(" ", args.subList(2, args.size()))));
            case "schedule" -> schedule(me, args);
            case "calendar" -> calendar(me, args);
            default -> freeze(me, args);
        };
    }

    private static ChangeState state(String text) {
        try {
            return ChangeState.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("STATE: one of " + EnumSet.allOf(ChangeState.class) + ", was '" + text
                    + "'");
        }
    }

    private static String said(ChangeRequest c) {
        return c.reference() + " is " + c.state() + (c.type() == ChangeType.STANDARD
                ? ""
                : " (" + c.approvalCount() + " approval" + (c.approvalCount() == 1 ? "" : "s") + ")");
    }

    private String list(Principal me, List<String> args) {
        Set<ChangeState> states = EnumSet.noneOf(ChangeState.class);
        args.forEach(a -> states.add(state(a)));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"REFERENCE", "TYPE", "STATE", "RISK", "START", "END", "ITEMS", "TITLE"});
        for (ChangeRequest c : changes.list(me, states, 500)) {
            rows.add(new String[]{c.reference(), c.type().name(), c.state().name(),
                    c.risk() == null ? "-" : c.risk().score() + " " + c.risk().level(),
                    String.valueOf(c.draft().plannedStart() == null ? "-" : c.draft().plannedStart()),
                    String.valueOf(c.draft().plannedEnd() == null ? "-" : c.draft().plannedEnd()),
                    String.join(",", c.draft().items().stream().map(CiRef::name).toList()), c.title()});
        }
        return table(rows) + "\n" + (rows.size() - 1) + " change" + (rows.size() == 2 ? "" : "s");
    }

    private String show(Principal me, String ref) {
        ChangeRequest c = changes.find(me, ref).orElseThrow(() -> new IllegalArgumentException("no change " + ref));
        StringBuilder b = new StringBuilder(c.reference() + " " + c.type() + " " + c.state() + ": " + c.title());
        ChangeDraft d = c.draft();
        b.append("\n  requester    ").append(c.requester());
        if (!c.template().isEmpty()) {
            b.append("\n  template     ").append(c.template());
        }
        b.append("\n  items        ").append(String.join(", ", d.items().stream()
                .map(i -> i.name() + " (" + i.type() + " " + i.id() + ")").toList()));
        b.append("\n  window       ")
                .append(d.plannedStart() == null ? "-" : d.plannedStart() + " to " + d.plannedEnd());
        b.append("\n  implementer  ").append(d.implementer().isEmpty() ? "-" : d.implementer());
        if (!d.reason().isBlank()) {
            b.append("\n  reason       ").append(d.reason());
        }
        for (int i = 0; i < d.steps().size(); i++) {
            b.append("\n  step ").append(i + 1).append("       ").append(d.steps().get(i));
        }
        for (int i = 0; i < d.rollbackSteps().size(); i++) {
            b.append("\n  rollback ").append(i + 1).append("   ").append(d.rollbackSteps().get(i));
        }
        if (!d.testPlan().isBlank()) {
            b.append("\n  test plan    ").append(d.testPlan());
        }
        RiskAssessment risk = c.risk() != null ? c.risk() : changes.assessRisk(me, ref);
        b.append("\n  risk         ").append(risk.score()).append(" ").append(risk.level())
                .append(c.risk() == null ? " (not assessed yet)" : "");
        risk.reasons().forEach(r -> b.append("\n               ").append(r));
        b.append("\n  approvals    ").append(c.approvalCount()).append(" of ").append(changes.quorum(c.type()));
        c.approvals().forEach(a -> b.append("\n               ").append(a.approved() ? "approved by " : "rejected by ")
                .append(a.approver()).append(a.afterImplementation() ? " (post-approval)" : "")
                .append(a.comment().isEmpty() ? "" : ": " + a.comment()));
        b.append("\n  next         ").append(changes.allowedTransitions(me, ref));
        for (HistoryEntry h : changes.history(me, ref)) {
            b.append("\n  ").append(h.at()).append("  ").append(h.from() == null ? "" : h.from() + " -> ")
                    .append(h.to()).append("  ").append(h.principal())
                    .append(h.comment().isEmpty() ? "" : "  " + h.comment());
        }
        return b.toString();
    }

    private String create(Principal me, List<String> args) {
        String usage = "create normal|emergency TITLE [items=ID,...] [start=T end=T] [step=CMD]... [rollback=CMD]..."
                + " | create standard TEMPLATE items=ID,... [start=T end=T]";
        String typeText = arg(args, 0, usage);
        ChangeType type;
        try {
            type = ChangeType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TYPE: standard, normal or emergency, was '" + typeText + "'");
        }
        String title = arg(args, 1, usage);
        Map<String, List<String>> s = settings(args, 2, KEYS);
        List<CiRef> refs = new ArrayList<>();
        for (String id : one(s, "items", "").split(",")) {
            if (!id.isBlank()) {
                refs.add(item(id.strip()));
            }
        }
        Instant start = s.containsKey("start") ? time("start", one(s, "start", "")) : null;
        Instant end = s.containsKey("end") ? time("end", one(s, "end", "")) : null;
        ChangeRequest c;
        if (type == ChangeType.STANDARD) {
            c = changes.createFromTemplate(me, title, refs, start, end);
        } else {
            c = changes.create(me, new ChangeDraft(type, title, one(s, "reason", ""), refs, start, end,
                    s.getOrDefault("step", List.of()), s.getOrDefault("rollback", List.of()), one(s, "test", ""),
                    one(s, "implementer", "")));
        }
        return "created " + c.reference() + " (" + c.type() + ", " + c.state() + "): " + c.title();
    }

    private CiRef item(String id) {
        ConfigurationItems cmdb = items;
        if (cmdb != null) {
            return cmdb.resolve(id).orElseThrow(() -> new IllegalArgumentException("items: no configuration item '"
                    + id + "'"));
        }
        // without a CMDB an item is named by itself: a host of that name
        return new CiRef(id, "host", id);
    }

    private String schedule(Principal me, List<String> args) {
        String usage = "schedule REF START END";
        String ref = arg(args, 0, usage);
        Instant start = time("START", arg(args, 1, usage));
        Instant end = time("END", arg(args, 2, usage));
        List<Conflict> conflicts = changes.schedule(me, ref, start, end);
        StringBuilder b = new StringBuilder("scheduled " + ref + " from " + start + " to " + end);
        conflicts.forEach(x -> b.append("\nconflict: ").append(x.first()).append(" and ").append(x.second())
                .append(" overlap on ").append(String.join(", ", x.items().stream().map(CiRef::name).toList())));
        return b.toString();
    }

    private String calendar(Principal me, List<String> args) {
        int days = args.isEmpty() ? 7 : Integer.parseInt(args.get(0));
        Instant from = Instant.now().minus(Duration.ofDays(1));
        ChangeCalendar cal = changes.calendar(me, from, from.plus(Duration.ofDays(days + 1L)));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"START", "END", "WHAT", "STATE", "ITEMS"});
        for (FreezeWindow f : cal.freezes()) {
            rows.add(new String[]{f.start().toString(), f.end().toString(), "freeze " + f.name(), "-", "-"});
        }
        for (ChangeRequest c : cal.changes()) {
            rows.add(new String[]{String.valueOf(c.draft().plannedStart()), String.valueOf(c.draft().plannedEnd()),
                    c.reference() + " " + c.title(), c.state().name(),
                    String.join(",", c.draft().items().stream().map(CiRef::name).toList())});
        }
        StringBuilder b = new StringBuilder(table(rows));
        cal.conflicts().forEach(x -> b.append("\nconflict: ").append(x.first()).append(" and ").append(x.second())
                .append(" overlap on ").append(String.join(", ", x.items().stream().map(CiRef::name).toList())));
        return b.toString();
    }

    private String freeze(Principal me, List<String> args) {
        String usage = "freeze add NAME START END [REASON...] | freeze list | freeze delete ID";
        String what = arg(args, 0, usage);
        switch (what) {
            case "add" -> {
                FreezeWindow f = changes.saveFreeze(me, new FreezeWindow(0, arg(args, 1, usage),
                        time("START", arg(args, 2, usage)), time("END", arg(args, 3, usage)),
                        String.join(" ", args.subList(Math.min(4, args.size()), args.size()))));
                return "freeze " + f.id() + " '" + f.name() + "' from " + f.start() + " to " + f.end();
            }
            case "list" -> {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"ID", "NAME", "START", "END", "REASON"});
                for (FreezeWindow f : changes.freezes(me, Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(Duration.ofDays(3650)))) {
                    rows.add(new String[]{Long.toString(f.id()), f.name(), f.start().toString(), f.end().toString(),
                            f.reason()});
                }
                return table(rows);
            }
            case "delete" -> {
                long id = Long.parseLong(arg(args, 1, usage));
                return changes.deleteFreeze(me, id) ? "deleted freeze " + id : "no freeze " + id;
            }
            default -> throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
