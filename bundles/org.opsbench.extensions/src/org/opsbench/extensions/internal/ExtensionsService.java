package org.opsbench.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.extensions.Extensions;
import org.opsbench.extensions.ExtensionsPermissions;
import org.opsbench.extensions.Plugin;
import org.opsbench.extensions.Problem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Watches {@code <workspace>/extensions/} by polling (framework property {@value #POLL_PROPERTY}, milliseconds, 1000 by
 * default): a new jar is installed (location {@value #LOCATION_PREFIX}{@code <file name>}, from a stream, so the file
 * is never locked) and started, a changed one updated, a removed one stopped and uninstalled, then the packages are
 * refreshed. A jar that is no bundle or does not start is reported as a {@link Problem} and in the log, and tried again
 * only when it changes. Deactivation leaves installed extensions alone: the next activation reconciles.
 */
@Component(service = Extensions.class, immediate = true)
public final class ExtensionsService implements Extensions {

    static final String LOCATION_PREFIX = "opsbench-extension:";
    static final String POLL_PROPERTY = "opsbench.extensions.poll";
    private static final Principal SYSTEM = Principal.system("extensions");

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final AccessControl access;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Logger log;
    private final Path folder;
    private final Map<String, String> stamps = new HashMap<>();
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;

    /** Created by DS; starts polling. */
    @Activate
    public ExtensionsService(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference AccessControl access, @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.scr = scr;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.log = log;
        this.folder = workspace(context).resolve("extensions");
        long poll = Long.parseLong(Objects.requireNonNullElse(context.getProperty(POLL_PROPERTY), "1000"));
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opsbench-extensions-folder");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::scanQuietly, 0, poll, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }

    static Path workspace(BundleContext context) {
        String value = context.getProperty("opsbench.workspace");
        return value == null || value.isBlank()
                ? Path.of(System.getProperty("user.home"), ".opsbench")
                : Path.of(value);
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public List<Plugin> plugins(Principal caller) {
        access.check(caller, ExtensionsPermissions.READ);
        Map<Long, List<Plugin.Component>> components = new HashMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            List<Plugin.Component> list = components.computeIfAbsent(d.bundle.id, k -> new ArrayList<>());
            if (!scr.isComponentEnabled(d)) {
                list.add(new Plugin.Component(d.name, "DISABLED", null));
                continue;
            }
            var configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                list.add(new Plugin.Component(d.name, "UNSATISFIED_CONFIGURATION", null));
            }
            for (ComponentConfigurationDTO c : configs) {
                list.add(new Plugin.Component(d.name, componentState(c.state), c.failure));
            }
        }
        List<Plugin> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String file = b.getLocation().startsWith(LOCATION_PREFIX)
                    ? b.getLocation().substring(LOCATION_PREFIX.length())
                    : null;
            Problem p = file == null ? null : problems.get(file);
            out.add(new Plugin(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), bundleState(b), file,
                    components.getOrDefault(b.getBundleId(), List.of()), p == null ? null : p.message()));
        }
        out.sort(Comparator.comparing((Plugin p) -> !p.extension()).thenComparing(p -> String
                .valueOf(p.symbolicName())));
        return out;
    }

    @Override
    public List<Problem> problems(Principal caller) {
        access.check(caller, ExtensionsPermissions.READ);
        return problems.values().stream().sorted(Comparator.comparing(Problem::file)).toList();
    }

    @Override
    public Plugin install(Principal caller, String source, String bundleId) {
        access.check(caller, ExtensionsPermissions.INSTALL);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source: a jar path or URL, or a p2 repository URL, is required");
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".download-", ".part");
            if (bundleId != null && !bundleId.isBlank()) {
                P2Repository.Artifact a = new P2Repository(uri(source)).find(bundleId);
                try (InputStream in = a.location().toURL().openStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                try (InputStream in = open(source)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String[] name = bundleName(temp, source);
            String fileName = name[0] + "_" + name[1] + ".jar";
            // the same bundle in another version is replaced, not installed twice
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path old : jars.filter(p -> p.getFileName().toString().startsWith(name[0] + "_")
                        && p.getFileName().toString().endsWith(".jar")).toList()) {
                    Files.delete(old);
                }
            }
            Files.move(temp, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            audit.append(AuditEntry.of(caller, "extensions.install", "extension", fileName,
                    "installed " + name[0] + " " + name[1] + " from " + source));
            scan();
            Problem problem = problems.get(fileName);
            if (problem != null) {
                throw new IllegalStateException(fileName + ": " + problem.message());
            }
            Bundle b = context.getBundle(LOCATION_PREFIX + fileName);
            return plugins(caller).stream().filter(p -> b != null && p.id() == b.getBundleId()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(fileName + " was not installed"));
        } catch (IOException e) {
            throw new IllegalArgumentException("source: cannot read " + source + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    @Override
    public boolean uninstall(Principal caller, String fileName) {
        access.check(caller, ExtensionsPermissions.INSTALL);
        Path file = folder.resolve(fileName).normalize();
        if (!file.getParent().equals(folder.normalize())) {
            throw new IllegalArgumentException("file: not a file of " + folder + ": " + fileName);
        }
        try {
            boolean existed = Files.deleteIfExists(file);
            if (existed) {
                audit.append(AuditEntry.of(caller, "extensions.uninstall", "extension", fileName,
                        "uninstalled " + fileName));
            }
            scan();
            return existed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void rescan() {
        scan();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.error("Scanning the extensions folder {} failed", folder, e);
        }
    }

    /** One reconciliation of the folder with the installed extension bundles. */
    synchronized void scan() {
        Map<String, Path> files = new HashMap<>();
        try {
            Files.createDirectories(folder);
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".jar")
                        && !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p))
                        .forEach(p -> files.put(p.getFileName().toString(), p));
            }
        } catch (IOException e) {
            log.error("Cannot read the extensions folder {}: {}", folder, e.toString());
            return;
        }
        List<Bundle> refresh = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(LOCATION_PREFIX)
                    && !files.containsKey(b.getLocation().substring(LOCATION_PREFIX.length()))) {
                String name = b.getLocation().substring(LOCATION_PREFIX.length());
                try {
                    b.uninstall();
                    refresh.add(b);
                    log.info("Extension {} {} uninstalled: {} was removed", b.getSymbolicName(), b.getVersion(),
                            name);
                    changed(SYSTEM, "extensions.removed", name, "uninstalled " + b.getSymbolicName() + " "
                            + b.getVersion());
                } catch (BundleException | IllegalStateException e) {
                    log.error("Extension {} could not be uninstalled: {}", name, e.toString());
                }
                stamps.remove(name);
                problems.remove(name);
            }
        }
        stamps.keySet().removeIf(name -> !files.containsKey(name));
        problems.keySet().removeIf(name -> !files.containsKey(name));
        List<Bundle> toStart = new ArrayList<>();
        files.forEach((name, path) -> {
            String stamp = stamp(path);
            String known = stamps.get(name);
            if (stamp.equals(known)) {
                return;
            }
            Bundle existing = context.getBundle(LOCATION_PREFIX + name);
            stamps.put(name, stamp);
            problems.remove(name);
            try (InputStream in = Files.newInputStream(path)) {
                if (existing == null) {
                    Bundle b = context.installBundle(LOCATION_PREFIX + name, in);
                    toStart.add(b);
                    log.info("Extension {} {} installed from {}", b.getSymbolicName(), b.getVersion(), name);
                    changed(SYSTEM, "extensions.installed", name, "installed " + b.getSymbolicName() + " "
                            + b.getVersion());
                } else if (known != null || Files.getLastModifiedTime(path).toMillis() > existing.getLastModified()) {
                    existing.update(in);
                    refresh.add(existing);
                    toStart.add(existing);
                    log.info("Extension {} updated from {}", existing.getSymbolicName(), name);
                    changed(SYSTEM, "extensions.updated", name, "updated " + existing.getSymbolicName() + " to "
                            + existing.getVersion());
                } else {
                    // installed before this activation (a restart): start it if it is not running
                    toStart.add(existing);
                }
            } catch (IOException | BundleException | IllegalStateException | SecurityException e) {
                problem(name, "not installed: " + message(e));
            }
        });
        if (!refresh.isEmpty()) {
            refresh(refresh);
        }
        for (Bundle b : toStart) {
            if ((b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0
                    || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            try {
                b.start();
                String file = b.getLocation().substring(LOCATION_PREFIX.length());
                events.postEvent(new Event(TOPIC_CHANGED, Map.of("file", file, "action", "extensions.started",
                        "summary", "started " + b.getSymbolicName())));
            } catch (BundleException | IllegalStateException e) {
                problem(b.getLocation().substring(LOCATION_PREFIX.length()), "installed, but does not start: "
                        + message(e));
            }
        }
    }

    private void refresh(List<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        var done = new java.util.concurrent.CountDownLatch(1);
        wiring.refreshBundles(bundles, e -> done.countDown());
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void problem(String file, String message) {
        problems.put(file, new Problem(file, message, Instant.now()));
        log.error("Extension {} {}", file, message);
        changed(SYSTEM, "extensions.failed", file, message);
    }

    private void changed(Principal who, String action, String file, String summary) {
        if (!action.equals("extensions.failed")) {
            audit.append(AuditEntry.of(who, action, "extension", file, summary));
        }
        events.postEvent(new Event(TOPIC_CHANGED, Map.of("file", file, "action", action, "summary", summary)));
    }

    private static String stamp(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String message(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            b.append(": ").append(c.getMessage());
        }
        return b.toString();
    }

    private static URI uri(String source) {
        return source.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*") ? URI.create(source) : Path.of(source).toUri();
    }

    private static InputStream open(String source) throws IOException {
        return uri(source).toURL().openStream();
    }

    /** Symbolic name and version from the jar's manifest; the error names the source when it is no bundle. */
    private static String[] bundleName(Path jar, String source) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest m = in.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null) {
                throw new IllegalArgumentException("source: " + source + " is not an OSGi bundle (no "
                        + Constants.BUNDLE_SYMBOLICNAME + ")");
            }
            String version = m.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return new String[]{bsn.split(";")[0].strip(), version == null ? "0.0.0" : version.strip()};
        }
    }

    static String bundleState(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
