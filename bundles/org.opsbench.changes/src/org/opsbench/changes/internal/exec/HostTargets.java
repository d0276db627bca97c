package org.opsbench.changes.internal.exec;

import java.util.Map;
import java.util.Optional;

import org.opsbench.changes.HostAccess;
import org.opsbench.changes.internal.ChangesRuntime;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Turns a configuration item into an SSH target: how its host is reached (stored, else the CMDB's {@code ssh.*} facts)
 * and its credential, read from the vault by alias as {@code system:changes} at each use (changes run rarely; every
 * read is audited by the vault). A {@code PASSWORD} secret logs in with the password, an {@code SSH_PRIVATE_KEY} secret
 * with the (unencrypted) key.
 */
@Component(service = HostTargets.class)
public final class HostTargets {

    private final ChangesRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecretStore secrets;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationItems items;

    /** With the area's runtime. */
    @Activate
    public HostTargets(@Reference ChangesRuntime runtime) {
        this.runtime = runtime;
    }

    /** How the item's host is reached, if known. */
    public Optional<HostAccess> access(String ciId) {
        Optional<HostAccess> stored = runtime.changes().access(ciId);
        if (stored.isPresent()) {
            return stored;
        }
        ConfigurationItems cmdb = items;
        if (cmdb == null) {
            return Optional.empty();
        }
        return cmdb.resolve(ciId).flatMap(ci -> {
            Map<String, String> f = cmdb.facts(ci);
            String host = f.getOrDefault("ssh.host", f.get("ip.address"));
            String user = f.get("ssh.user");
            String alias = f.get("ssh.credential");
            if (host == null || user == null || alias == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new HostAccess(ciId, host, Integer.parseInt(f.getOrDefault("ssh.port", "22")),
                        user, alias));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The SSH target of {@code item}.
     *
     * @throws IllegalStateException
     *             naming the item and what is missing
     */
    public SshTarget target(CiRef item) {
        HostAccess a = access(item.id()).orElseThrow(() -> new IllegalStateException("no SSH access for "
                + item.name() + " (" + item.id() + "): define its host, user and credential (changes:access)"));
        return new SshTarget(a.host(), a.port(), a.user(), credential(a.credentialAlias()));
    }

    private Credential credential(String alias) {
        SecretStore store = secrets;
        if (store == null) {
            throw new IllegalStateException("secret '" + alias + "' cannot be read: no vault is running");
        }
        Principal me = ChangesRuntime.SYSTEM;
        try {
            SecretStore.Kind kind = store.list(me).stream().filter(e -> e.alias().equals(alias)).findFirst()
                    .map(SecretStore.Entry::kind)
                    .orElseThrow(() -> new IllegalStateException("secret '" + alias + "' is not in the vault"));
            try (Secret s = store.lookup(me, alias)
                    .orElseThrow(() -> new IllegalStateException("secret '" + alias + "' is not in the vault"))) {
                return switch (kind) {
                    case PASSWORD -> new Credential.Password(s.chars());
                    case SSH_PRIVATE_KEY -> new Credential.PrivateKey(s.bytes(), null);
                    case TOKEN -> throw new IllegalStateException(
                            "secret '" + alias + "' is a token: SSH needs a password or a private key");
                };
            }
        } catch (NotAllowedException e) {
            throw new IllegalStateException("secret '" + alias + "' cannot be read: " + me.name()
                    + " may not read the vault");
        }
    }
}
