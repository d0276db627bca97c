package org.opsbench.security.internal;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.opsbench.persistence.Database;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The security area's tables in the shared database, migrated at activation, and the workspace folder. The other
 * components reference this one, so they all restart when the data source is replaced.
 */
@Component(service = SecurityDatabase.class)
public final class SecurityDatabase {

    /** ConfigAdmin PID of the security area. */
    public static final String PID = "org.opsbench.security";
    /** Area name in the schema history. */
    public static final String AREA = "security";

    private final DataSource dataSource;
    private final Path workspace;

    @Activate
    public SecurityDatabase(BundleContext context,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference SchemaMigrations migrations) {
        this.dataSource = dataSource;
        migrations.migrate(AREA, context.getBundle(), "migrations");
        String configured = context.getProperty(Database.WORKSPACE_PROPERTY);
        this.workspace = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".opsbench")
                : Path.of(configured);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code <workspace>/security}, where the key file and the initial password file live. */
    public Path folder() {
        return workspace.resolve("security");
    }
}
