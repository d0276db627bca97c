package org.opsbench.assets.internal.discovery;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.DiscoveredItem;
import org.opsbench.core.spi.DiscoveryProbe;
import org.opsbench.core.spi.Parameter;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The shipped probe {@code ssh-linux}: logs in over SSH ({@link RemoteShell}, strict host keys, pooled sessions) and
 * runs {@link LinuxFacts#SCRIPT}, one command, so one round trip per host. The login secret comes from the vault by
 * alias ({@code SSH_PRIVATE_KEY} or {@code PASSWORD}), read as {@code system:assets}.
 */
@Component(service = DiscoveryProbe.class)
public final class SshLinuxProbe implements DiscoveryProbe {

    /** The probe id. */
    public static final String ID = "ssh-linux";
    /** The principal the vault is read as. */
    public static final Principal PRINCIPAL = Principal.system("assets");

    private final RemoteShell shell;
    private volatile SecretStore secrets;

    /** With the SSH service. */
    @Activate
    public SshLinuxProbe(@Reference RemoteShell shell) {
        this.shell = shell;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSecrets(SecretStore store) {
        secrets = store;
    }

    void unbindSecrets(SecretStore store) {
        if (secrets == store) {
            secrets = null;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Linux over SSH";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required("user", "SSH user", Parameter.Type.STRING),
                Parameter.required("credential", "Vault alias of the key or password", Parameter.Type.SECRET_ALIAS),
                Parameter.optional("port", "SSH port", Parameter.Type.INTEGER, "22"));
    }

    @Override
    public List<DiscoveredItem> discover(String address, Map<String, String> parameters, Duration timeout)
            throws InterruptedException, IOException {
        String user = parameters.get("user");
        if (user == null || user.isBlank()) {
            throw new IOException("parameter user: the SSH user is required");
        }
        String alias = parameters.get("credential");
        if (alias == null || alias.isBlank()) {
            throw new IOException("parameter credential: the vault alias of the login secret is required");
        }
        int port;
        try {
            port = Integer.parseInt(parameters.getOrDefault("port", "22").strip());
        } catch (NumberFormatException e) {
            throw new IOException("parameter port: a number, was '" + parameters.get("port") + "'");
        }
        Credential credential = credential(alias);
        SshTarget target;
        try {
            target = new SshTarget(address, port, user, credential);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        ExecResult result = shell.exec(target, LinuxFacts.SCRIPT, timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException("discovery of " + address + " was cancelled");
        }
        return switch (result) {
            case ExecResult.Failed failed ->
                throw new IOException(address + ": " + failed.failure().kind() + ": " + failed.failure().reason());
            case ExecResult.Completed done -> {
                Map<String, String> facts;
                try {
                    facts = LinuxFacts.parse(done.stdout());
                } catch (IllegalArgumentException e) {
                    throw new IOException(address + ": " + e.getMessage() + "; stderr: " + done.stderr().strip());
                }
                yield List.of(item(address, facts));
            }
        };
    }

    /** The item for the facts of one host: a virtual machine when virtualization is detected, else a server. */
    public static DiscoveredItem item(String address, Map<String, String> facts) {
        String virt = facts.getOrDefault("virtualization", "none");
        String type = virt.equals("none") || virt.isBlank() ? "server" : "virtual-machine";
        String name = facts.getOrDefault("fqdn", facts.getOrDefault("hostname", address));
        if (name.isBlank() || name.equals("localhost")) {
            name = facts.getOrDefault("hostname", address);
        }
        return new DiscoveredItem(type, name, facts, List.of());
    }

    private Credential credential(String alias) throws IOException {
        SecretStore store = secrets;
        if (store == null) {
            throw new IOException("no credential vault is running: cannot read '" + alias + "'");
        }
        Optional<Secret> secret = store.lookup(PRINCIPAL, alias);
        if (secret.isEmpty()) {
            throw new IOException("parameter credential: no secret '" + alias + "' in the vault");
        }
        SecretStore.Kind kind = store.list(PRINCIPAL).stream().filter(e -> e.alias().equals(alias))
                .map(SecretStore.Entry::kind).findFirst().orElse(SecretStore.Kind.SSH_PRIVATE_KEY);
        try (Secret s = secret.get()) {
            return kind == SecretStore.Kind.PASSWORD
                    ? new Credential.Password(s.chars())
                    : new Credential.PrivateKey(s.bytes(), null);
        }
    }
}
