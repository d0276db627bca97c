package org.opsbench.changes.internal.baseline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opsbench.changes.BaselineDefinition;
import org.opsbench.changes.BaselineVersion;
import org.opsbench.changes.Baselines;
import org.opsbench.changes.ChangePermissions;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Drift;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.changes.internal.exec.HostTargets;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.TransferResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link Baselines}: files read over SFTP and command outputs over SSH, each with its SHA-256; a comparison captures
 * again and, when anything differs, stores the capture as a new (unapproved) version, records the drift with its
 * unified diff and posts {@link Topics#CHANGES_DRIFT}. Every baseline is compared on a schedule as
 * {@code system:changes} (setting {@code compareIntervalMinutes}).
 */
@Component(service = Baselines.class)
public final class BaselineService implements Baselines {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ChangesRuntime runtime;
    private final Changes changes;
    private final HostTargets targets;
    private final RemoteShell shell;
    private final AccessControl access;
    private final AuditLog audit;
    private final Logger log;
    private final ScheduledExecutorService ticker;
    private volatile Instant lastScheduled = Instant.now();

    /** With the SSH service and the security core; starts the comparison schedule. */
    @Activate
    public BaselineService(@Reference ChangesRuntime runtime, @Reference Changes changes,
            @Reference HostTargets targets, @Reference RemoteShell shell, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference(service = LoggerFactory.class) Logger log) {
        this.runtime = runtime;
        this.changes = changes;
        this.targets = targets;
        this.shell = shell;
        this.access = access;
        this.audit = audit;
        this.log = log;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-changes-baselines");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
    }

    private void tick() {
        int minutes = runtime.config().compareIntervalMinutes();
        if (minutes <= 0 || Instant.now().isBefore(lastScheduled.plus(Duration.ofMinutes(minutes)))) {
            return;
        }
        lastScheduled = Instant.now();
        for (BaselineDefinition d : runtime.baselines().definitions()) {
            try {
                if (compare(ChangesRuntime.SYSTEM, d.name()).drifted()) {
                    log.warn("Baseline {} drifted", d.name());
                }
            } catch (RuntimeException e) {
                log.warn("Baseline {} could not be compared: {}", d.name(), e.getMessage());
            }
        }
    }

    @Override
    public void define(Principal caller, BaselineDefinition d) {
        access.check(caller, ChangePermissions.WRITE);
        if (d.name() == null || !d.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new InvalidChangeException("name", "letters, digits, '.', '_' and '-', was '" + d.name() + "'");
        }
        if (d.item() == null) {
            throw new InvalidChangeException("item", "required");
        }
        if (d.files().isEmpty() && d.commands().isEmpty()) {
            throw new InvalidChangeException("files", "name at least one file or command");
        }
        for (String f : d.files()) {
            if (!f.startsWith("/") || f.contains("\n")) {
                throw new InvalidChangeException("files", "an absolute path, was '" + f + "'");
            }
        }
        for (String c : d.commands()) {
            if (c.isBlank() || c.contains("\n")) {
                throw new InvalidChangeException("commands", "one non-blank line each, was '" + c + "'");
            }
        }
        Optional<BaselineDefinition> before = runtime.baselines().define(d);
        audit.append(new AuditEntry(caller, "changes.baseline.define", "baseline", d.name(),
                (before.isPresent() ? "changed" : "defined") + " baseline " + d.name() + " of " + d.item().name(),
                before.map(Object::toString).orElse(null), d.toString()));
    }

    @Override
    public List<BaselineDefinition> definitions(Principal caller) {
        access.check(caller, ChangePermissions.READ);
        return runtime.baselines().definitions();
    }

    @Override
    public BaselineVersion capture(Principal caller, String name) {
        access.check(caller, ChangePermissions.EXECUTE);
        BaselineDefinition d = definition(name);
        BaselineVersion v = runtime.baselines().addVersion(name, runtime.clock().instant(), caller.name(), read(d));
        audit.append(new AuditEntry(caller, "changes.baseline.capture", "baseline", name,
                "captured version " + v.version() + " of " + name + " (" + v.items().size() + " items)"
                        + (v.approved() ? ", approved as the first" : ""),
                null, hashes(v)));
        return v;
    }

    @Override
    public Drift.Comparison compare(Principal caller, String name) {
        access.check(caller, ChangePermissions.EXECUTE);
        BaselineDefinition d = definition(name);
        BaselineVersion approved = runtime.baselines().versions(name).stream().filter(BaselineVersion::approved)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no approved version: capture it"));
        List<BaselineVersion.Item> now = read(d);
        Map<String, BaselineVersion.Item> old = new LinkedHashMap<>();
        approved.items().forEach(i -> old.put(i.subject(), i));
        Map<String, BaselineVersion.Item> current = new LinkedHashMap<>();
        now.forEach(i -> current.put(i.subject(), i));
        List<String> changed = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        for (String subject : union(old, current)) {
            BaselineVersion.Item a = old.get(subject);
            BaselineVersion.Item b = current.get(subject);
            if (a != null && b != null && a.sha256().equals(b.sha256())) {
                continue;
            }
            changed.add(subject);
            diff.append(UnifiedDiff.diff("a/" + subject + (a == null ? " (not in the baseline)" : ""),
                    "b/" + subject + (b == null ? " (no longer captured)" : ""), a == null ? "" : a.content(),
                    b == null ? "" : b.content()));
        }
        if (changed.isEmpty()) {
            return new Drift.Comparison(approved, approved, List.of(), "");
        }
        Instant at = runtime.clock().instant();
        BaselineVersion captured = runtime.baselines().addVersion(name, at, caller.name(), now);
        String summary = name + " on " + d.item().name() + ": " + changed.size() + " of " + union(old, current).size()
                + " items differ from version " + approved.version() + ": " + String.join(", ", changed);
        runtime.baselines().addDrift("baseline:" + name, d.item(), summary, diff.toString(), at);
        audit.append(new AuditEntry(caller, "changes.baseline.drift", "baseline", name, summary, hashes(approved),
                hashes(captured)));
        Map<String, Object> p = new HashMap<>();
        p.put(EventProperties.CI_ID, d.item().id());
        p.put(EventProperties.CI_TYPE, d.item().type());
        p.put(EventProperties.CI_NAME, d.item().name());
        p.put(EventProperties.REFERENCE, name);
        p.put(EventProperties.SOURCE, "changes:baseline:" + name);
        p.put(EventProperties.SUMMARY, summary);
        runtime.post(Topics.CHANGES_DRIFT, caller, p);
        return new Drift.Comparison(approved, captured, changed, diff.toString());
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        return all;
    }

    @Override
    public BaselineVersion approve(Principal caller, String name, int version, String changeReference) {
        access.check(caller, ChangePermissions.APPROVE);
        BaselineDefinition d = definition(name);
        if (changeReference == null || changeReference.isBlank()) {
            throw new InvalidChangeException("change", "name the change that authorised the new configuration");
        }
        ChangeRequest c = changes.find(caller, changeReference)
                .orElseThrow(() -> new InvalidChangeException("change", "no change " + changeReference));
        if (!EnumSet.of(ChangeState.IMPLEMENTED, ChangeState.REVIEWED, ChangeState.CLOSED).contains(c.state())) {
            throw new InvalidChangeException("change",
                    changeReference + " is " + c.state() + ": only an implemented change authorises a new baseline");
        }
        if (c.draft().items().stream().noneMatch(i -> i.id().equals(d.item().id()))) {
            throw new InvalidChangeException("change", changeReference + " does not touch " + d.item().name());
        }
        BaselineVersion before = runtime.baselines().versions(name).stream().filter(BaselineVersion::approved)
                .findFirst().orElse(null);
        BaselineVersion approved = runtime.baselines().approve(name, version, changeReference)
                .orElseThrow(() -> new InvalidChangeException("version", name + " has no version " + version));
        audit.append(new AuditEntry(caller, "changes.baseline.approve", "baseline", name,
                "approved version " + version + " of " + name + " after " + changeReference,
                before == null ? null : "version " + before.version(), "version " + version));
        return approved;
    }

    @Override
    public List<BaselineVersion> versions(Principal caller, String name) {
        access.check(caller, ChangePermissions.READ);
        return runtime.baselines().versions(name);
    }

    @Override
    public Optional<BaselineVersion> version(Principal caller, String name, int version) {
        return versions(caller, name).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public List<Drift> drift(Principal caller, Instant from, Instant to) {
        access.check(caller, ChangePermissions.READ);
        return runtime.baselines().drift(from, to);
    }

    private BaselineDefinition definition(String name) {
        return runtime.baselines().definition(name)
                .orElseThrow(() -> new IllegalArgumentException("no baseline " + name));
    }

    /** Every file and command output of {@code d}, or an exception naming the first that failed. */
    private List<BaselineVersion.Item> read(BaselineDefinition d) {
        SshTarget target = targets.target(d.item());
        List<BaselineVersion.Item> items = new ArrayList<>();
        for (String file : d.files()) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            TransferResult r = shell.get(target, file, sink, TIMEOUT);
            if (r instanceof TransferResult.Failed f) {
                throw new IllegalStateException("file " + file + " of " + d.item().name() + " could not be read: "
                        + f.failure().reason());
            }
            items.add(item("file:" + file, sink.toByteArray()));
        }
        for (String command : d.commands()) {
            ExecResult r = shell.exec(target, command, TIMEOUT);
            switch (r) {
                case ExecResult.Failed f -> throw new IllegalStateException(
                        "command '" + command + "' on " + d.item().name() + " did not run: " + f.failure().reason());
                case ExecResult.Completed c when c.exitCode() != 0 -> throw new IllegalStateException("command '"
                        + command + "' on " + d.item().name() + " ended with exit code " + c.exitCode() + ": "
                        + c.stderr().strip());
                case ExecResult.Completed c -> items.add(item("command:" + command,
                        c.stdout().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return items;
    }

    private static BaselineVersion.Item item(String subject, byte[] content) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new BaselineVersion.Item(subject, sha, new String(content, StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hashes(BaselineVersion v) {
        StringBuilder b = new StringBuilder("version " + v.version());
        v.items().forEach(i -> b.append("\n").append(i.sha256(), 0, 16).append(" ").append(i.subject()));
        return b.toString();
    }
}
