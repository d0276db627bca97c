package org.opsbench.assets;

import java.util.List;
import java.util.Map;

import org.opsbench.core.Principal;
import org.opsbench.core.spi.Parameter;

/**
 * Runs {@link org.opsbench.core.spi.DiscoveryProbe discovery probes} over targets and reconciles what they found with
 * the CMDB: an item found again (same machine id, serial or MAC address, else same type and name) is updated, never
 * duplicated; each changed fact is recorded in its history and posted as {@code ASSETS_DRIFT}. Needs
 * {@link AssetPermissions#DISCOVER}.
 */
public interface Discovery {

    /**
     * A probe that is installed.
     *
     * @param id
     *            its id, for example {@code ssh-linux}
     * @param displayName
     *            its name
     * @param parameters
     *            what a run takes
     */
    record Probe(String id, String displayName, List<Parameter> parameters) {
    }

    /**
     * What a run did for one target.
     *
     * @param target
     *            the target as given
     * @param ciId
     *            the item it filled, or {@code null} when it failed
     * @param created
     *            whether the item is new
     * @param changedFacts
     *            how many facts changed (0 for a new item)
     * @param error
     *            why it failed, or {@code null}
     */
    record TargetResult(String target, String ciId, boolean created, int changedFacts, String error) {

        /** Whether the target was discovered. */
        public boolean ok() {
            return error == null;
        }
    }

    /** Progress of a run, called from the run's worker threads. */
    @FunctionalInterface
    interface Progress {
        /** {@code done} of {@code total} targets are finished; {@code last} is the one just finished. */
        void finished(int done, int total, TargetResult last);

        /** Whether the caller wants the run to stop (default never). */
        default boolean cancelled() {
            return false;
        }
    }

    /** The installed probes. */
    List<Probe> probes();

    /**
     * Discovers {@code targets} (host names or addresses; {@code a.b.c.10-20} ranges are expanded) with the probe
     * {@code probeId}, at most {@code parallelism} at once (1 to 64).
     *
     * @throws InterruptedException
     *             when the run was interrupted; finished targets stay reconciled
     */
    List<TargetResult> run(Principal caller, String probeId, List<String> targets, Map<String, String> parameters,
            int parallelism, Progress progress) throws InterruptedException;
}
