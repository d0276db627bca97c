package org.opsbench.core.spi;

/** The state of a checked thing, in the Nagios order of badness (UNKNOWN last, it is not "better" than CRITICAL). */
public enum Health {
    /** Working as expected. */
    OK,
    /** Working, but close to a limit. */
    WARNING,
    /** Not working, or past a limit. */
    CRITICAL,
    /** The check itself could not tell (timeout, unreachable, bad output). */
    UNKNOWN;

    /** The Nagios plugin exit code of this state (0..3). */
    public int exitCode() {
        return ordinal();
    }

    /** The state for a Nagios plugin exit code; anything outside 0..2 is UNKNOWN. */
    public static Health ofExitCode(int code) {
        return code >= 0 && code <= 2 ? values()[code] : UNKNOWN;
    }
}
