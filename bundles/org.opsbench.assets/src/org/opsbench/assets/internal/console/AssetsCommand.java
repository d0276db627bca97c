package org.opsbench.assets.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiPage;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.Discovery;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.Impact;
import org.opsbench.assets.Inventories;
import org.opsbench.assets.Relationship;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.SessionKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code assets:*} commands: {@code find}, {@code show}, {@code relate}, {@code impact}, {@code discover},
 * {@code import}, {@code export}. They act as the principal of {@code opsbench:login} through the public services
 * (which check permissions and audit); without a login they are refused. Errors are one line, {@code error: ...}. An
 * item is named by its id or as {@code TYPE/NAME}.
 */
@Component(service = AssetsCommand.class, property = {"osgi.command.scope=assets", "osgi.command.function=find",
        "osgi.command.function=show", "osgi.command.function=relate", "osgi.command.function=impact",
        "osgi.command.function=discover", "osgi.command.function=import", "osgi.command.function=export"})
public final class AssetsCommand {

    private static final Set<String> FUNCTIONS = new LinkedHashSet<>(List.of("find", "show", "relate", "impact",
            "discover", "import", "export"));

    private final Assets assets;
    private final Discovery discovery;
    private final Inventories inventories;

    /** With the area's services. */
    @Activate
    public AssetsCommand(@Reference Assets assets, @Reference Discovery discovery,
            @Reference Inventories inventories) {
        this.assets = assets;
        this.discovery = discovery;
        this.inventories = inventories;
    }

    /** Called by Gogo with the function's name first. */
    public Object _main(CommandSession session, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String function = "find";
        if (!all.isEmpty()) {
            String bare = all.get(0).startsWith("assets:") ? all.get(0).substring(7) : all.get(0);
            if (FUNCTIONS.contains(bare)) {
                function = bare;
                all.remove(0);
            }
        }
        try {
            Principal caller = principal(session);
            return switch (function) {
                case "show" -> show(caller, one(all, "show ITEM"));
                case "relate" -> relate(caller, all);
                case "impact" -> impact(caller, all);
                case "discover" -> discover(caller, all);
                case "import" -> importFile(caller, all);
                case "export" -> export(caller, all);
                default -> find(caller, all);
            };
        } catch (IllegalArgumentException | IllegalStateException | NotAllowedException e) {
            return "error: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: interrupted";
        }
    }

    private static Principal principal(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            return p;
        }
        throw new IllegalStateException("not logged in: use opsbench:login LOGIN");
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(0);
    }

    /** Options {@code -x VALUE} out of {@code args}; what is left stays in {@code args}. */
    private static Map<String, String> options(List<String> args, String usage, String... names) {
        Map<String, String> out = new HashMap<>();
        Set<String> known = Set.of(names);
        for (int i = 0; i < args.size();) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1 && !a.matches("-\\d.*")) {
                if (!known.contains(a) || i + 1 >= args.size()) {
                    throw new IllegalArgumentException("unknown or incomplete option '" + a + "'; usage: " + usage);
                }
                out.put(a, args.get(i + 1));
                args.remove(i);
                args.remove(i);
            } else {
                i++;
            }
        }
        return out;
    }

    private ConfigurationItem item(Principal caller, String text) {
        Optional<ConfigurationItem> found = assets.get(caller, text);
        int slash = text.indexOf('/');
        if (found.isEmpty() && slash > 0) {
            found = assets.byName(caller, text.substring(0, slash), text.substring(slash + 1));
        }
        return found.orElseThrow(() -> new IllegalArgumentException("no such item: " + text
                + " (give its id or TYPE/NAME)"));
    }

    private String find(Principal caller, List<String> args) {
        String usage = "find [-t TYPE] [-g GROUP] [-T TAG] [-n MAX] [TEXT]";
        Map<String, String> o = options(args, usage, "-t", "-g", "-T", "-n");
        if (args.size() > 1) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        int max = count(o.getOrDefault("-n", "50"));
        CiPage page = assets.find(caller, new CiQuery(o.get("-t"), args.isEmpty() ? null : args.get(0), o.get("-T"),
                o.get("-g"), null, CiQuery.Sort.NAME, true, 0, max));
        Table t = new Table("ID", "TYPE", "NAME", "LIFECYCLE", "GROUPS", "TAGS");
        for (ConfigurationItem i : page.items()) {
            t.row(i.id(), i.type(), i.name(), i.lifecycle().label(), String.join(",", new java.util.TreeSet<>(
                    i.groups())), String.join(",", i.sortedTags()));
        }
        return t.isEmpty() ? "no items" : t + "\n" + page.items().size() + " of " + page.total() + " items";
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("a number from 1 to 10000, was '" + text + "'");
    }

    private String show(Principal caller, String text) {
        ConfigurationItem i = item(caller, text);
        StringBuilder out = new StringBuilder();
        out.append(i.type()).append(' ').append(i.name()).append("  [").append(i.lifecycle().label()).append("]  id ")
                .append(i.id()).append('\n');
        out.append("tags: ").append(String.join(", ", i.sortedTags())).append("   groups: ")
                .append(String.join(", ", new java.util.TreeSet<>(i.groups()))).append('\n');
        i.sortedAttributes().forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
        Map<String, String> facts = new java.util.TreeMap<>(i.facts());
        long packages = facts.keySet().stream().filter(k -> k.startsWith("package.")).count();
        facts.forEach((k, v) -> {
            if (!k.startsWith("package.")) {
                out.append("  fact ").append(k).append(" = ").append(v).append('\n');
            }
        });
        if (packages > 0) {
            out.append("  ").append(packages).append(" installed packages (facts package.*)\n");
        }
        Table rel = new Table("REL", "SOURCE", "KIND", "TARGET");
        for (Relationship r : assets.relationships(caller, i.id())) {
            rel.row(r.id(), r.source().type() + "/" + r.source().name(), r.kind().id(),
                    r.target().type() + "/" + r.target().name());
        }
        out.append(rel.isEmpty() ? "no relationships" : rel.toString()).append('\n');
        Table h = new Table("WHEN", "WHO", "FIELD", "BEFORE", "AFTER", "SOURCE");
        for (HistoryEntry e : assets.history(caller, i.id(), 10)) {
            h.row(e.time(), e.principal(), e.field(), e.before(), e.after(), e.source());
        }
        out.append(h);
        return out.toString();
    }

    private String relate(Principal caller, List<String> args) {
        if (args.size() != 3) {
            throw new IllegalArgumentException("usage: relate SOURCE KIND TARGET (KIND: runs-on, depends-on,"
                    + " connected-to, hosted-in, owned-by)");
        }
        ConfigurationItem source = item(caller, args.get(0));
        RelationshipKind kind = RelationshipKind.parse(args.get(1));
        ConfigurationItem target = item(caller, args.get(2));
        Relationship r = assets.relate(caller, source.id(), kind, target.id());
        return "related: " + r.source().name() + " " + kind.id() + " " + r.target().name() + " (" + r.id() + ")";
    }

    private String impact(Principal caller, List<String> args) {
        String usage = "impact [-d DEPTH] [-w up|down|both] ITEM";
        Map<String, String> o = options(args, usage, "-d", "-w");
        ConfigurationItem root = item(caller, one(args, usage));
        Impact.Direction direction = switch (o.getOrDefault("-w", "down")) {
            case "up" -> Impact.Direction.UPSTREAM;
            case "both" -> Impact.Direction.BOTH;
            case "down" -> Impact.Direction.DOWNSTREAM;
            default -> throw new IllegalArgumentException("-w: up, down or both, was '" + o.get("-w") + "'");
        };
        Impact impact = assets.impact(caller, root.id(), direction, count(o.getOrDefault("-d", "5")), 10_000);
        Table t = new Table("DISTANCE", "TYPE", "NAME", "ID");
        impact.nodes().forEach(n -> t.row(n.distance(), n.item().type(), n.item().name(), n.item().id()));
        String head = (direction == Impact.Direction.UPSTREAM ? "needed by " : "affected if it fails: ")
                + root.type() + "/" + root.name() + ", depth " + impact.depth() + ": " + impact.nodes().size()
                + " items" + (impact.truncated() ? " (cut at the node limit)" : "");
        return t.isEmpty() ? head : head + "\n" + t;
    }

    private String discover(Principal caller, List<String> args) throws InterruptedException {
        String usage = "discover -u USER -k SECRET_ALIAS [-P PORT] [-p PARALLEL] [-m PROBE] TARGET...";
        Map<String, String> o = options(args, usage, "-u", "-k", "-P", "-p", "-m");
        if (args.isEmpty() || !o.containsKey("-u") || !o.containsKey("-k")) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        Map<String, String> params = new HashMap<>(Map.of("user", o.get("-u"), "credential", o.get("-k")));
        params.put("port", o.getOrDefault("-P", "22"));
        Instant start = Instant.now();
        List<Discovery.TargetResult> results = discovery.run(caller, o.getOrDefault("-m", "ssh-linux"), args, params,
                count(o.getOrDefault("-p", "10")), null);
        Table t = new Table("TARGET", "RESULT", "ITEM", "CHANGED FACTS");
        for (Discovery.TargetResult r : results) {
            t.row(r.target(), r.ok() ? (r.created() ? "created" : "updated") : "failed: " + r.error(), r.ciId(),
                    r.ok() ? r.changedFacts() : null);
        }
        return t + "\n" + results.stream().filter(Discovery.TargetResult::ok).count() + " of " + results.size()
                + " targets discovered in " + java.time.Duration.between(start, Instant.now()).toMillis() + " ms";
    }

    private static Inventories.Format format(String text) {
        return switch (text) {
            case "csv" -> Inventories.Format.CSV;
            case "ini" -> Inventories.Format.ANSIBLE_INI;
            case "yaml", "yml" -> Inventories.Format.ANSIBLE_YAML;
            default -> throw new IllegalArgumentException("format: csv, ini or yaml, was '" + text + "'");
        };
    }

    private String importFile(Principal caller, List<String> args) {
        String usage = "import [-t DEFAULT_TYPE] csv|ini|yaml FILE";
        Map<String, String> o = options(args, usage, "-t");
        if (args.size() != 2) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        String text;
        try {
            text = Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + args.get(1) + ": " + e.getMessage());
        }
        Inventories.ImportResult r = inventories.importText(caller, format(args.get(0)), text, o.get("-t"));
        return "imported " + args.get(1) + ": " + r.created() + " created, " + r.updated() + " changed, "
                + r.unchanged() + " unchanged";
    }

    private String export(Principal caller, List<String> args) {
        String usage = "export [-t TYPE] [-g GROUP] [-T TAG] csv|ini|yaml [FILE]";
        Map<String, String> o = options(args, usage, "-t", "-g", "-T");
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        String text = inventories.export(caller, format(args.get(0)), o.get("-t"), o.get("-T"), o.get("-g"));
        if (args.size() == 1) {
            return text.stripTrailing();
        }
        try {
            Files.writeString(Path.of(args.get(1)), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + args.get(1) + ": " + e.getMessage());
        }
        return "exported to " + args.get(1);
    }
}
