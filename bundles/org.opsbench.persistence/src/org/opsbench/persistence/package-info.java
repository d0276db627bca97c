/**
 * The shared database of Opsbench: one {@link javax.sql.DataSource} service for every area, EclipseLink persistence
 * units that live in the area bundles, versioned schema migrations per area, and online backup.
 * <p>
 * An area bundle uses this package in three steps, typically from the activate method of one DS component:
 * <ol>
 * <li>apply its migrations:
 * {@link org.opsbench.persistence.SchemaMigrations#migrate(String, org.osgi.framework.Bundle, String)} with SQL scripts
 * {@code V1__create_tables.sql}, {@code V2__...} shipped in the area bundle;</li>
 * <li>create its {@link jakarta.persistence.EntityManagerFactory} through {@link PersistenceUnits}: the
 * {@code META-INF/persistence.xml} and the entity classes stay in the area bundle;</li>
 * <li>close that factory when the component deactivates.</li>
 * </ol>
 * Configuration: PID {@value org.opsbench.persistence.Database#CONFIGURATION_PID}, see {@link Database}.
 */
package org.opsbench.persistence;
