package org.opsbench.monitoring.internal.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The secrets monitoring names by vault alias (notifiers' tokens, signing keys and SMTP passwords, the SSH credentials
 * of monitored hosts), read from the {@link SecretStore} as {@code system:monitoring} and kept in memory per alias:
 * every vault read is audited, and checks every minute or an alert storm must not flood the audit trail. The cache is
 * dropped whenever the vault changes ({@link Topics#SECURITY_VAULT_CHANGED}) and whenever the secret store comes or
 * goes. Works without a secret store as long as nothing names a secret.
 */
@Component(service = {VaultSecrets.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "="
        + Topics.SECURITY_VAULT_CHANGED)
public final class VaultSecrets implements EventHandler {

    /** The principal monitoring reads secrets as. */
    public static final Principal PRINCIPAL = Principal.system("monitoring");

    /**
     * A copy of a secret's value and the kind the vault lists it as.
     *
     * @param kind
     *            what the secret is (password, SSH key, token)
     * @param value
     *            the value, a copy: the caller wipes it after use
     */
    public record Value(SecretStore.Kind kind, byte[] value) {

        @Override
        public String toString() {
            return "Value[" + kind + ", ****]";
        }
    }

    private record Cached(SecretStore.Kind kind, Secret secret) {
    }

    // guarded by this: a drop waits for a lookup in progress, so a value read before a vault change never outlives it
    private final Map<String, Cached> cache = new HashMap<>();
    private volatile SecretStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(SecretStore secretStore) {
        store = secretStore;
        drop();
    }

    void unbindStore(SecretStore secretStore) {
        if (store == secretStore) {
            store = null;
        }
        drop();
    }

    @Override
    public void handleEvent(Event event) {
        drop();
    }

    @Deactivate
    void deactivate() {
        drop();
    }

    /**
     * A copy of the value of the secret under {@code alias}; the caller wipes it after use.
     *
     * @throws SecretUnavailableException
     *             when there is no such secret or it cannot be read (the message names the alias, never a value)
     */
    public byte[] bytes(String alias) throws SecretUnavailableException {
        return lookup(alias).value();
    }

    /**
     * The secret under {@code alias} with its kind; the caller wipes {@link Value#value()} after use.
     *
     * @throws SecretUnavailableException
     *             when there is no such secret or it cannot be read (the message names the alias, never a value)
     */
    public synchronized Value lookup(String alias) throws SecretUnavailableException {
        Cached cached = cache.get(alias);
        if (cached == null) {
            cached = read(alias);
            cache.put(alias, cached);
        }
        return new Value(cached.kind(), cached.secret().bytes());
    }

    private Cached read(String alias) throws SecretUnavailableException {
        SecretStore current = store;
        if (current == null) {
            throw new SecretUnavailableException(alias, "cannot be read: no secret store (vault) is running", null);
        }
        Optional<Secret> found = Optional.empty();
        SecretStore.Kind kind;
        try {
            found = current.lookup(PRINCIPAL, alias);
            if (found.isEmpty()) {
                throw new SecretUnavailableException(alias, "is not in the vault", null);
            }
            // the value does not say what it is: the vault's listing does (a password and a key are used differently)
            kind = current.list(PRINCIPAL).stream().filter(e -> e.alias().equals(alias)).findFirst()
                    .map(SecretStore.Entry::kind).orElse(null);
        } catch (NotAllowedException e) {
            found.ifPresent(Secret::destroy);
            throw new SecretUnavailableException(alias,
                    "cannot be read: " + PRINCIPAL.name() + " may not read the vault",
                    e);
        } catch (RuntimeException e) {
            found.ifPresent(Secret::destroy);
            // the vault's messages never carry a value (locked vault, damaged entry)
            throw new SecretUnavailableException(alias, "cannot be read: " + e.getMessage(), e);
        }
        if (kind == null) {
            // deleted between the two reads
            found.get().destroy();
            throw new SecretUnavailableException(alias, "is not in the vault", null);
        }
        return new Cached(kind, found.get());
    }

    private synchronized void drop() {
        cache.values().forEach(c -> c.secret().destroy());
        cache.clear();
    }

    /** Wipes {@code bytes} (a value handed out here), if any. */
    public static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
