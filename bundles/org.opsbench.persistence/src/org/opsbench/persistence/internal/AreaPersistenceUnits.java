package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.PersistenceUnits;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import jakarta.persistence.EntityManagerFactory;

/**
 * {@link PersistenceUnits} for the bundle that uses the service: one instance per using bundle (bundle scope), so the
 * persistence unit and its entities are loaded through that bundle's class loader.
 */
@Component(service = PersistenceUnits.class, scope = ServiceScope.BUNDLE)
public final class AreaPersistenceUnits implements PersistenceUnits {

    private final DataSource dataSource;
    private final Logger logger;
    private final Bundle area;

    /** Remembers the using bundle. */
    @Activate
    public AreaPersistenceUnits(ComponentContext context,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
        this.area = context.getUsingBundle();
    }

    @Override
    public EntityManagerFactory createEntityManagerFactory(String unitName, Map<String, ?> properties) {
        BundleWiring wiring = area.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("bundle " + area.getSymbolicName() + " is not resolved");
        }
        Map<String, Object> settings = new HashMap<>();
        // defaults an area may change
        settings.put(PersistenceUnitProperties.LOGGING_LOGGER, OsgiSessionLog.class.getName());
        settings.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        settings.putAll(properties);
        if (!settings.containsKey(PersistenceUnitProperties.TARGET_DATABASE)) {
            String target = dialect().eclipseLinkTarget();
            if (target != null) {
                settings.put(PersistenceUnitProperties.TARGET_DATABASE, target);
            }
        }
        // the design: the area's class loader, the shared data source, no weaving, schemas from migrations only
        settings.put(PersistenceUnitProperties.CLASSLOADER,
                new UnitClassLoader("persistence unit " + unitName + " of " + area.getSymbolicName(),
                        wiring.getClassLoader()));
        settings.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
        settings.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        settings.put(PersistenceUnitProperties.WEAVING, "false");
        settings.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        settings.put(PersistenceUnitProperties.SCHEMA_GENERATION_DATABASE_ACTION, "none");
        EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory(unitName, settings);
        if (factory == null) {
            throw new IllegalArgumentException("bundle " + area.getSymbolicName() + " has no persistence unit '"
                    + unitName + "' in META-INF/persistence.xml");
        }
        logger.debug("EntityManagerFactory for unit {} of bundle {} created", unitName, area.getSymbolicName());
        return factory;
    }

    /** The dialect of the shared database; EclipseLink otherwise guesses from a connection of its own. */
    private SqlDialect dialect() {
        try (Connection c = dataSource.getConnection()) {
            return SqlDialect.of(c);
        } catch (SQLException e) {
            logger.warn("cannot tell the database product, EclipseLink detects it: {}", e.getMessage());
            return SqlDialect.OTHER;
        }
    }
}
