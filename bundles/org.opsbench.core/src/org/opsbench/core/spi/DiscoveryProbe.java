package org.opsbench.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** A way to find and describe configuration items (SSH probe, cloud API, ...). Register as an OSGi service. */
@ConsumerType
public interface DiscoveryProbe {

    /** A stable id, such as {@code ssh-linux}. */
    String id();

    /** A name for humans. */
    String displayName();

    /** The parameters a probe run takes. */
    List<Parameter> parameters();

    /**
     * Probes {@code address} and returns what it found.
     *
     * @throws InterruptedException
     *             when the run is cancelled
     * @throws java.io.IOException
     *             when the target could not be probed; the message says why
     */
    List<DiscoveredItem> discover(String address, Map<String, String> parameters, Duration timeout)
            throws InterruptedException, java.io.IOException;
}
