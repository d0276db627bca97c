package org.opsbench.monitoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Nagios flap detection: the percent state change over the last {@value #HISTORY} results, where a change weighs from
 * 0.8 (oldest) to 1.2 (newest), with hysteresis between a high threshold (flapping starts above it) and a low one
 * (flapping stops below it).
 *
 * @param <S>
 *            the state type
 */
public final class FlapDetection<S extends Enum<S>> {

    /** Results kept, as in Nagios. */
    public static final int HISTORY = 21;
    /** Default threshold above which flapping starts, in percent. */
    public static final double DEFAULT_HIGH = 50.0;
    /** Default threshold below which flapping stops, in percent. */
    public static final double DEFAULT_LOW = 25.0;

    private static final double LOW_WEIGHT = 0.8;
    private static final double HIGH_WEIGHT = 1.2;

    private final double high;
    private final double low;
    private final Deque<S> history = new ArrayDeque<>(HISTORY);
    private boolean flapping;
    private double percent;

    /** Detection with thresholds in percent, {@code low <= high}. */
    public FlapDetection(double low, double high) {
        if (low < 0 || high > 100 || low > high) {
            throw new IllegalArgumentException(
                    "flap thresholds need 0 <= low <= high <= 100, were " + low + "/" + high);
        }
        this.low = low;
        this.high = high;
    }

    /** Detection with the Nagios defaults (25% / 50%). */
    public FlapDetection() {
        this(DEFAULT_LOW, DEFAULT_HIGH);
    }

    /**
     * Records a result.
     *
     * @return {@code +1} when flapping started, {@code -1} when it stopped, {@code 0} otherwise
     */
    int record(S state) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(state);
        percent = percentStateChange();
        if (!flapping && percent > high) {
            flapping = true;
            return 1;
        }
        if (flapping && percent < low) {
            flapping = false;
            return -1;
        }
        return 0;
    }

    /** Whether the state is flapping now. */
    /** The recorded results, oldest first (at most {@value #HISTORY}), for saving. */
    public List<S> recent() {
        return List.copyOf(history);
    }

    /** Restores the results and flapping flag saved from {@link #recent()} and {@link #flapping()}. */
    void restore(List<S> results, boolean wasFlapping) {
        history.clear();
        int skip = Math.max(0, results.size() - HISTORY);
        history.addAll(results.subList(skip, results.size()));
        percent = percentStateChange();
        flapping = wasFlapping;
    }

    public boolean flapping() {
        return flapping;
    }

    /** The weighted percent state change after the last result. */
    public double percent() {
        return percent;
    }

    private double percentStateChange() {
        double changes = 0;
        Iterator<S> it = history.iterator();
        // the newest change sits at position HISTORY-1 even while the history is filling up
        int x = HISTORY - history.size();
        S previous = it.hasNext() ? it.next() : null;
        while (it.hasNext()) {
            S current = it.next();
            x++;
            if (current != previous) {
                changes += (x - 1) * (HIGH_WEIGHT - LOW_WEIGHT) / (HISTORY - 2) + LOW_WEIGHT;
            }
            previous = current;
        }
        return changes * 100.0 / (HISTORY - 1);
    }
}
