package org.opsbench.persistence;

/**
 * Names shared by the persistence bundle and its users: service properties, framework properties and the configuration
 * PID of the shared {@link javax.sql.DataSource}.
 * <p>
 * The {@code DataSource} service is configured through ConfigAdmin under {@link #CONFIGURATION_PID} (described by
 * Metatype):
 * <ul>
 * <li>{@code url}: a JDBC URL; empty (the default) means embedded Derby in {@code <workspace>/db}, where the workspace
 * is the framework property {@value #WORKSPACE_PROPERTY} (default {@code ${user.home}/.opsbench}); for PostgreSQL
 * {@code jdbc:postgresql://host:port/database} (driver bundle {@code org.postgresql.jdbc});</li>
 * <li>{@code user}: the database user, empty for none;</li>
 * <li>{@code passwordAlias}: alias of the database password in the {@link org.opsbench.core.security.SecretStore};
 * empty for none. Never put a password into the URL: the URL appears in logs and service properties;</li>
 * <li>{@code passwordReference}: where the password lives when it is not in the secret store (which itself lives in the
 * database): {@code env:NAME}, {@code property:NAME} (framework or system property) or {@code file:PATH} (first line of
 * the file); empty for none. At most one of {@code passwordAlias} and {@code passwordReference};</li>
 * <li>{@code poolSize}: the most connections open at once (default 8);</li>
 * <li>{@code connectionTimeout}: seconds a caller waits for a free connection before an {@link java.sql.SQLException}
 * (default 30).</li>
 * </ul>
 */
public final class Database {

    /** Service property that names a data source; the shared one has the value {@value #DEFAULT}. */
    public static final String DATASOURCE_PROPERTY = "opsbench.datasource";

    /** Value of {@link #DATASOURCE_PROPERTY} on the shared data source. */
    public static final String DEFAULT = "default";

    /** Filter that selects the shared data source, for {@code @Reference(target = ...)}. */
    public static final String DEFAULT_DATASOURCE_FILTER = "(" + DATASOURCE_PROPERTY + "=" + DEFAULT + ")";

    /** Framework (or system) property holding the workspace folder; the embedded database lives in its {@code db}. */
    public static final String WORKSPACE_PROPERTY = "opsbench.workspace";

    /** ConfigAdmin PID of the shared data source. */
    public static final String CONFIGURATION_PID = "org.opsbench.persistence.datasource";

    private Database() {
    }
}
