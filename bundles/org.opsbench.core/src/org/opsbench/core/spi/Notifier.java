package org.opsbench.core.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** An alert channel (log, webhook, e-mail, chat). Register an implementation as an OSGi service. */
@ConsumerType
public interface Notifier {

    /** A stable id, such as {@code webhook}. */
    String id();

    /** A name for humans. */
    String displayName();

    /** The settings a channel of this kind needs (URL, recipients, secret alias, ...). */
    List<Parameter> parameters();

    /**
     * Delivers one notification with the given channel settings.
     *
     * @throws DeliveryException
     *             when it could not be delivered; the caller retries or records the failure
     */
    void send(Notification notification, Map<String, String> settings) throws DeliveryException;

    /** Delivery failed; the message says why without revealing secrets. */
    class DeliveryException extends Exception {
        private static final long serialVersionUID = 1L;

        /** With a reason. */
        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
