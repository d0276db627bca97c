package org.opsbench.monitoring.internal.notify;

import java.util.Map;

import org.opsbench.core.spi.Notifier;
import org.opsbench.monitoring.internal.checks.ParameterException;

/**
 * A notifier that says, before a rule is saved, whether its settings make sense: the monitoring admin service refuses a
 * rule whose settings this refuses, naming the setting. {@code send} reads the settings with the same parser, so a
 * saved rule never fails on a setting's syntax when an alert goes out. Checks only what can be known without sending
 * (syntax, ranges, combinations, a named local file); whether the vault holds a named secret is for the delivery.
 */
public interface ValidatingNotifier extends Notifier {

    /**
     * Checks {@code settings} as a rule stores them.
     *
     * @throws ParameterException
     *             naming the first setting found wrong
     */
    void validate(Map<String, String> settings) throws ParameterException;
}
