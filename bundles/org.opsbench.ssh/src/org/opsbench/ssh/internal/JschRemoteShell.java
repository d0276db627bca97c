package org.opsbench.ssh.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.OutputListener;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshException;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.TransferResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link RemoteShell} service on JSch. Configuration changes apply live: sessions opened under the old settings
 * (another known_hosts file, other limits) are closed as soon as they are idle.
 */
@Component(service = RemoteShell.class, configurationPid = JschRemoteShell.PID)
@Designate(ocd = SshConfig.class)
public final class JschRemoteShell implements RemoteShell, Governance {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.ssh";

    /** Framework or system property naming the workspace folder. */
    static final String WORKSPACE_PROPERTY = "opsbench.workspace";

    /** What one configuration builds; replaced as a whole on {@link Modified}. */
    private record Runtime(Settings settings, HostKeyTrust trust, Connector connector, SessionPool pool,
            Operations operations) {
    }

    // Optional until the security bundle exists (next issue); then AccessControl and AuditLog become mandatory
    // constructor references, so no state change can ever go unchecked or unaudited.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessControl accessControl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private final Logger log;
    private final Path workspace;
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile Runtime runtime;

    @Activate
    public JschRemoteShell(BundleContext context, SshConfig config,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        String folder = context.getProperty(WORKSPACE_PROPERTY);
        this.workspace = Path.of(folder == null || folder.isBlank()
                ? System.getProperty("user.home") + "/.opsbench"
                : folder);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "opsbench-ssh-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.runtime = build(config);
        timer.scheduleWithFixedDelay(() -> runtime.pool().sweep(), 1, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(SshConfig config) {
        Runtime old = runtime;
        runtime = build(config);
        old.pool().close();
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        runtime.pool().close();
    }

    private Runtime build(SshConfig config) {
        Settings settings = Settings.of(config, workspace);
        HostKeyTrust trust = new HostKeyTrust(new KnownHostsStore(settings.knownHosts()), this, log);
        Connector connector = new Connector(settings, trust, log);
        SessionPool pool = new SessionPool(settings, connector, sessionsOpened);
        log.debug("SSH settings: {}", settings);
        return new Runtime(settings, trust, connector, pool, new Operations(pool, timer));
    }

    @Override
    public ExecResult exec(SshTarget target, String command, Duration timeout) {
        return runtime.operations().exec(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(command, "command"), positive(timeout), null);
    }

    @Override
    public ExecResult exec(SshTarget target, String command, Duration timeout, OutputListener listener) {
        return runtime.operations().exec(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(command, "command"), positive(timeout),
                Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ExecResult exec(SshTarget target, String command, Duration timeout, InputStream stdin,
            OutputStream stdout) {
        return runtime.operations().exec(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(command, "command"), positive(timeout), stdin,
                Objects.requireNonNull(stdout, "stdout"));
    }

    @Override
    public TransferResult get(SshTarget target, String remotePath, OutputStream sink, Duration timeout) {
        return runtime.operations().get(Objects.requireNonNull(target, "target"), path(remotePath),
                Objects.requireNonNull(sink, "sink"), positive(timeout));
    }

    @Override
    public TransferResult put(SshTarget target, InputStream source, String remotePath, Duration timeout) {
        return runtime.operations().put(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(source, "source"), path(remotePath), positive(timeout));
    }

    @Override
    public List<HostKey> knownHosts() {
        return runtime.trust().known();
    }

    @Override
    public Optional<HostKey> pendingHostKey(String host, int port) {
        return runtime.trust().pending(host, port);
    }

    @Override
    public HostKey scanHostKey(String host, int port, Duration timeout) {
        try {
            return runtime.connector().scan(Objects.requireNonNull(host, "host"), port, positive(timeout));
        } catch (FailureException e) {
            throw new SshException(e.failure());
        }
    }

    @Override
    public void approveHostKey(Principal who, String host, int port, String fingerprint) {
        runtime.trust().approve(Objects.requireNonNull(who, "who"), host, port, fingerprint);
    }

    @Override
    public boolean removeHostKey(Principal who, String host, int port) {
        Runtime current = runtime;
        boolean removed = current.trust().remove(Objects.requireNonNull(who, "who"), host, port);
        if (removed) {
            // sessions to that host were trusted through the removed key: open new ones from now on
            modifiedPool(current);
        }
        return removed;
    }

    /** How many SSH sessions this service has opened since it started; for tests and diagnosis. */
    public long sessionsOpened() {
        return sessionsOpened.get();
    }

    /** The known_hosts file in use. */
    public Path knownHostsFile() {
        return runtime.settings().knownHosts();
    }

    private void modifiedPool(Runtime current) {
        SessionPool fresh = new SessionPool(current.settings(), current.connector(), sessionsOpened);
        runtime = new Runtime(current.settings(), current.trust(), current.connector(), fresh,
                new Operations(fresh, timer));
        current.pool().close();
    }

    @Override
    public void check(Principal who, String permission) {
        AccessControl control = accessControl;
        if (control != null) {
            control.check(who, permission);
        }
    }

    @Override
    public void audit(AuditEntry entry) {
        AuditLog audit = auditLog;
        if (audit != null) {
            audit.append(entry);
        }
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(topic, properties));
        }
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return timeout;
    }

    private static String path(String remotePath) {
        if (remotePath == null || remotePath.isBlank()) {
            throw new IllegalArgumentException("remotePath must not be blank");
        }
        return remotePath;
    }
}
