package org.opsbench.monitoring;

import java.time.Instant;

/**
 * One state change of a host or check.
 *
 * @param key
 *            the host or check
 * @param time
 *            when the result that changed it came in
 * @param oldState
 *            the name of the state before ({@code OK}, {@code DOWN}...), or {@code null} for the first result
 * @param newState
 *            the name of the state after
 * @param stateType
 *            SOFT or HARD
 * @param output
 *            the summary line of that result
 */
public record StateHistoryEntry(CheckKey key, Instant time, String oldState, String newState, StateType stateType,
        String output) {
}
