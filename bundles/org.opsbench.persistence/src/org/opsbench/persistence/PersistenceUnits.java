package org.opsbench.persistence;

import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

/**
 * Creates EclipseLink {@link EntityManagerFactory EntityManagerFactories} for the persistence units of the bundle that
 * uses this service, bound to the shared {@link javax.sql.DataSource}.
 * <p>
 * This is a bundle-scoped service: each bundle that gets it receives its own instance, which loads
 * {@code META-INF/persistence.xml} and the entity classes through that bundle's class loader. So the entities, the
 * persistence unit and the JPA queries stay inside the area bundle, and one area cannot open another area's unit.
 * <p>
 * The factories use the shared data source as non-JTA data source with {@code RESOURCE_LOCAL} transactions, have
 * weaving switched off and never generate DDL: tables come from {@link SchemaMigrations}. Apply the area's migrations
 * before creating its factory. The persistence unit should list its classes ({@code <class>} elements with
 * {@code <exclude-unlisted-classes>true</exclude-unlisted-classes>}).
 * <p>
 * The caller owns the factory and closes it, at the latest when its component deactivates. A factory must not outlive
 * the service it came from: when the data source goes away, this service goes away too.
 */
public interface PersistenceUnits {

    /**
     * A new factory for the persistence unit {@code unitName} of the calling bundle.
     *
     * @throws IllegalArgumentException
     *             when the calling bundle has no persistence unit of that name
     * @throws jakarta.persistence.PersistenceException
     *             when EclipseLink cannot set the unit up
     */
    default EntityManagerFactory createEntityManagerFactory(String unitName) {
        return createEntityManagerFactory(unitName, Map.of());
    }

    /**
     * A new factory for the persistence unit {@code unitName} of the calling bundle, with extra EclipseLink properties
     * (for example {@code eclipselink.logging.level}). The class loader, data source, weaving and DDL settings are
     * fixed by this service and cannot be overridden.
     *
     * @throws IllegalArgumentException
     *             when the calling bundle has no persistence unit of that name
     * @throws jakarta.persistence.PersistenceException
     *             when EclipseLink cannot set the unit up
     */
    EntityManagerFactory createEntityManagerFactory(String unitName, Map<String, ?> properties);
}
