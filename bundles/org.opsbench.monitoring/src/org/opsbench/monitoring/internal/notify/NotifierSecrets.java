package org.opsbench.monitoring.internal.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.Notifier.DeliveryException;
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
 * The secrets the notifiers name by vault alias (bearer tokens, signing keys, SMTP passwords), read from the
 * {@link SecretStore} as {@code system:monitoring} and kept in memory per alias: every vault read is audited, and an
 * alert storm must not flood the audit trail. The cache is dropped whenever the vault changes
 * ({@link Topics#SECURITY_VAULT_CHANGED}) and whenever the secret store comes or goes. Works without a secret store as
 * long as no setting names a secret.
 */
@Component(service = {NotifierSecrets.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "="
        + Topics.SECURITY_VAULT_CHANGED)
public final class NotifierSecrets implements EventHandler {

    /** The principal notifiers read secrets as. */
    public static final Principal PRINCIPAL = Principal.system("monitoring");

    // guarded by this: a drop waits for a lookup in progress, so a value read before a vault change never outlives it
    private final Map<String, Secret> cache = new HashMap<>();
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
     * @param notifier
     *            the notifier id, for messages
     * @param setting
     *            the setting that named the alias, for messages
     * @throws DeliveryException
     *             when there is no such secret or it cannot be read (the message names the alias, never a value)
     */
    public synchronized byte[] bytes(String notifier, String setting, String alias) throws DeliveryException {
        Secret secret = cache.get(alias);
        if (secret == null) {
            secret = read(notifier, setting, alias);
            cache.put(alias, secret);
        }
        return secret.bytes();
    }

    /** Whether a value is cached for {@code alias}. */
    synchronized boolean isCached(String alias) {
        return cache.containsKey(alias);
    }

    private Secret read(String notifier, String setting, String alias) throws DeliveryException {
        SecretStore current = store;
        String what = notifier + " notifier: secret '" + alias + "' (setting '" + setting + "')";
        if (current == null) {
            throw new DeliveryException(what + " cannot be read: no secret store (vault) is running", null);
        }
        Optional<Secret> found;
        try {
            found = current.lookup(PRINCIPAL, alias);
        } catch (NotAllowedException e) {
            throw new DeliveryException(what + " cannot be read: " + PRINCIPAL.name() + " may not read the vault", e);
        } catch (RuntimeException e) {
            // the vault's messages never carry a value (locked vault, damaged entry)
            throw new DeliveryException(what + " cannot be read: " + e.getMessage(), e);
        }
        return found.orElseThrow(() -> new DeliveryException(what + " is not in the vault", null));
    }

    private synchronized void drop() {
        cache.values().forEach(Secret::destroy);
        cache.clear();
    }
}
