package org.opsbench.changes.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.changes.BaselineDefinition;
import org.opsbench.changes.BaselineVersion;
import org.opsbench.changes.Baselines;
import org.opsbench.changes.Drift;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Configuration baselines on the console: {@code baseline define NAME ci=ID [file=PATH]... [command=CMD]...},
 * {@code baseline list}, {@code baseline capture NAME}, {@code baseline compare NAME} (prints the diff),
 * {@code baseline versions NAME}, {@code baseline approve NAME VERSION CHANGE}.
 */
@Component(service = ChangesCommand.class, property = {ChangesCommand.SCOPE, "osgi.command.function=baseline"})
public final class BaselineCommand extends ChangesCommand {

    private static final String USAGE = "baseline define NAME ci=ID [file=PATH]... [command=CMD]... | list"
            + " | capture NAME | compare NAME | versions NAME | approve NAME VERSION CHANGE";

    private final Baselines baselines;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    @Activate
    public BaselineCommand(@Reference Baselines baselines) {
        this.baselines = baselines;
    }

    @Override
    Set<String> functions() {
        return Set.of("baseline");
    }

    @Override
    Object run(CommandSession session, String function, List<String> args) {
        Principal me = principal(session);
        String what = arg(args, 0, USAGE);
        return switch (what) {
            case "define" -> {
                String name = arg(args, 1, USAGE);
                Map<String, List<String>> s = settings(args, 2, Set.of("ci", "file", "command"));
                String id = one(s, "ci", null);
                if (id == null) {
                    throw new IllegalArgumentException("ci: required");
                }
                ConfigurationItems cmdb = items;
                CiRef ci = cmdb == null
                        ? new CiRef(id, "host", id)
                        : cmdb.resolve(id).orElseThrow(() -> new IllegalArgumentException("ci: no item '" + id + "'"));
                baselines.define(me, new BaselineDefinition(name, ci, s.getOrDefault("file", List.of()),
                        s.getOrDefault("command", List.of())));
                yield "defined baseline " + name + " of " + ci.name();
            }
            case "list" -> {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"NAME", "ITEM", "FILES", "COMMANDS"});
                for (BaselineDefinition d : baselines.definitions(me)) {
                    rows.add(new String[]{d.name(), d.item().name(), String.join(" ", d.files()),
                            String.join("; ", d.commands())});
                }
                yield table(rows);
            }
            case "capture" -> {
                BaselineVersion v = baselines.capture(me, arg(args, 1, USAGE));
                StringBuilder b = new StringBuilder("captured " + v.name() + " version " + v.version()
                        + (v.approved() ? " (approved)" : ""));
                v.items().forEach(i -> b.append("\n  ").append(i.sha256(), 0, 16).append("  ").append(i.subject()));
                yield b.toString();
            }
            case "compare" -> {
                Drift.Comparison c = baselines.compare(me, arg(args, 1, USAGE));
                yield c.drifted()
                        ? c.approved().name() + " drifted from version " + c.approved().version() + " (captured as "
                                + "version " + c.current().version() + "): " + String.join(", ", c.changedSubjects())
                                + "\n" + c.diff().stripTrailing()
                        : c.approved().name() + " matches version " + c.approved().version();
            }
            case "versions" -> {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"VERSION", "CAPTURED", "BY", "APPROVED"});
                for (BaselineVersion v : baselines.versions(me, arg(args, 1, USAGE))) {
                    rows.add(new String[]{Integer.toString(v.version()), v.captured().toString(), v.capturedBy(),
                            v.approved()
                                    ? "yes" + (v.approvedWith().isEmpty() ? "" : " (" + v.approvedWith() + ")")
                                    : "-"});
                }
                yield table(rows);
            }
            case "approve" -> {
                int version;
                try {
                    version = Integer.parseInt(arg(args, 2, USAGE));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("VERSION: a number, was '" + args.get(2) + "'");
                }
                BaselineVersion v = baselines.approve(me, arg(args, 1, USAGE), version, arg(args, 3, USAGE));
                yield "approved " + v.name() + " version " + v.version() + " after " + v.approvedWith();
            }
            default -> throw new IllegalArgumentException("usage: " + USAGE);
        };
    }
}
