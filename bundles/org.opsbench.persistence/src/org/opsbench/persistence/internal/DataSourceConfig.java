package org.opsbench.persistence.internal;

import org.opsbench.persistence.Database;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the shared data source, PID {@value Database#CONFIGURATION_PID}. The Metatype description that the
 * workbench and the server render is {@code OSGI-INF/metatype/datasource.xml}; keep both in step.
 */
@ObjectClassDefinition(id = Database.CONFIGURATION_PID, name = "Opsbench database", description = "The database that all Opsbench areas share.")
public @interface DataSourceConfig {

    /** JDBC URL; empty means embedded Derby in the workspace folder {@code db}. */
    @AttributeDefinition(name = "JDBC URL", description = "Empty: embedded Derby in <workspace>/db. Otherwise a JDBC URL"
            + " such as jdbc:derby://host:1527/opsbench or jdbc:postgresql://host/opsbench. Never put a password here.", required = false)
    String url() default "";

    /** Database user, empty for none. */
    @AttributeDefinition(name = "User", description = "Database user; empty for none.", required = false)
    String user() default "";

    /** Alias of the password in the SecretStore, empty for none. */
    @AttributeDefinition(name = "Password alias", description = "Alias of the database password in the Opsbench secret"
            + " store; empty for none.", required = false)
    String passwordAlias() default "";

    /** Where the password lives when not in the SecretStore: env:NAME, property:NAME or file:PATH; empty for none. */
    @AttributeDefinition(name = "Password reference", description = "Where the database password lives, when not in"
            + " the secret store: env:NAME (environment variable), property:NAME (system property) or file:PATH (first"
            + " line of a file readable only by the service user); empty for none. Never the password itself.", required = false)
    String passwordReference() default "";

    /** Most connections open at once. */
    @AttributeDefinition(name = "Pool size", description = "Most database connections open at once.", min = "1")
    int poolSize() default 8;

    /** Seconds a caller waits for a free connection. */
    @AttributeDefinition(name = "Connection timeout (s)", description = "Seconds a caller waits for a free connection"
            + " before it gets an error.", min = "1")
    int connectionTimeout() default 30;
}
