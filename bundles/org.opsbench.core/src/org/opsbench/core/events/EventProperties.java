package org.opsbench.core.events;

/** Names of the properties that Opsbench events carry. Not every event carries every property. */
public final class EventProperties {

    /** {@code String}: the name of the principal that caused the event. */
    public static final String PRINCIPAL = "principal";
    /** {@code String}: the {@link org.opsbench.core.Severity} name. */
    public static final String SEVERITY = "severity";
    /** {@code String}: one line for humans. */
    public static final String SUMMARY = "summary";
    /** {@code Long}: epoch milliseconds when it happened. */
    public static final String TIMESTAMP = "timestamp";

    /** {@code String}: id of the configuration item concerned. */
    public static final String CI_ID = "ci.id";
    /** {@code String}: type of the configuration item concerned. */
    public static final String CI_TYPE = "ci.type";
    /** {@code String}: name of the configuration item concerned. */
    public static final String CI_NAME = "ci.name";

    /** {@code String[]}: ids of the configuration items concerned, when an event is about several. */
    public static final String CI_IDS = "ci.ids";
    /** {@code String[]}: names of the configuration items concerned, in the order of {@link #CI_IDS}. */
    public static final String CI_NAMES = "ci.names";
    /**
     * {@code Long}: epoch milliseconds when a window the event opens ends at the latest (for example the planned end of
     * a change's implementation), so that a window whose closing event is lost still ends.
     */
    public static final String WINDOW_END = "window.end";

    /** {@code String}: host name or address of a remote target. */
    public static final String HOST = "host";
    /** {@code Integer}: TCP port of a remote target. */
    public static final String PORT = "port";
    /** {@code String}: SHA-256 fingerprint of a host key ({@code SHA256:...}). */
    public static final String FINGERPRINT = "fingerprint";
    /** {@code String}: SHA-256 fingerprint of the previously known host key. */
    public static final String KNOWN_FINGERPRINT = "fingerprint.known";

    /** {@code String}: the previous state, for state changes. */
    public static final String OLD_STATE = "state.old";
    /** {@code String}: the new state, for state changes. */
    public static final String NEW_STATE = "state.new";

    /** {@code String}: the area concerned (for platform events). */
    public static final String AREA = "area";
    /**
     * {@code String}: a stable key of what an event is about, the same for every event of one source (for example
     * {@code monitoring:web-01/http}); consumers group and deduplicate by it.
     */
    public static final String SOURCE = "source";
    /** {@code String}: a human reference of the record concerned, for example {@code INC-000123}. */
    public static final String REFERENCE = "reference";

    /** {@code String}: a failure reason. */
    public static final String REASON = "reason";

    private EventProperties() {
    }
}
