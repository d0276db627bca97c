package org.opsbench.monitoring.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Notification;
import org.opsbench.monitoring.AlertRecord;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.Transition;

/**
 * What the {@link Engine} decided in one step, for the caller to carry out outside the engine's lock: rows to write,
 * events to post, notifications to deliver, samples to store.
 */
public final class Effects {

    /** A hard state change to post as an event. */
    public record HardChange(CheckKey key, String ciId, Transition.HardStateChanged<?> change, String summary,
            Instant at) {
    }

    /**
     * An alert-log entry; when {@code notification} is set it is to be delivered to {@code record.notifier()} with
     * {@code settings}, and the outcome recorded then.
     */
    public record Alert(AlertRecord record, Notification notification, Map<String, String> settings) {
    }

    /** The metrics of a result, to store under {@link CheckKey#seriesName(String)}. */
    public record Samples(CheckKey key, Instant at, List<Metric> metrics) {
    }

    final Map<CheckKey, SavedState> states = new LinkedHashMap<>();
    final List<StateHistoryEntry> history = new ArrayList<>();
    final List<HardChange> changes = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<Samples> samples = new ArrayList<>();

    /** The state rows to write (the latest per key). */
    public List<SavedState> states() {
        return List.copyOf(states.values());
    }

    /** History entries to write. */
    public List<StateHistoryEntry> history() {
        return history;
    }

    /** Hard changes to post. */
    public List<HardChange> changes() {
        return changes;
    }

    /** Alerts to log and deliver. */
    public List<Alert> alerts() {
        return alerts;
    }

    /** Samples to store. */
    public List<Samples> samples() {
        return samples;
    }

    /** Whether nothing is to be done. */
    public boolean isEmpty() {
        return states.isEmpty() && history.isEmpty() && changes.isEmpty() && alerts.isEmpty() && samples.isEmpty();
    }
}
