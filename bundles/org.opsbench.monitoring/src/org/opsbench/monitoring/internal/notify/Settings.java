package org.opsbench.monitoring.internal.notify;

import java.util.Map;

import org.opsbench.core.spi.Notifier.DeliveryException;
import org.opsbench.monitoring.internal.support.SecretUnavailableException;
import org.opsbench.monitoring.internal.support.Values;
import org.opsbench.monitoring.internal.support.VaultSecrets;

/** How the notifiers read their settings and secrets: every refusal names the notifier and the setting. */
final class Settings {

    private Settings() {
    }

    /** A reader of {@code settings} whose refusals read {@code <notifier> notifier: setting '<name>' <problem>}. */
    static Values<DeliveryException> of(String notifier, Map<String, String> settings) {
        return new Values<>(settings,
                (name, problem) -> new DeliveryException(notifier + " notifier: setting '" + name + "' " + problem,
                        null));
    }

    /** A copy of the secret {@code alias} named by {@code setting}; the caller wipes it. */
    static byte[] secret(VaultSecrets secrets, String notifier, String setting, String alias)
            throws DeliveryException {
        try {
            return secrets.bytes(alias);
        } catch (SecretUnavailableException e) {
            throw new DeliveryException(
                    notifier + " notifier: secret '" + alias + "' (setting '" + setting + "') " + e.problem(), e);
        }
    }
}
