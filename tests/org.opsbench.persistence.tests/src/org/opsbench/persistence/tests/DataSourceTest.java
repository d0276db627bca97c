package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.internal.DataSourceConfig;
import org.opsbench.persistence.internal.PooledDataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The shared data source: where it opens the database, and how its pool lends and bounds connections. */
class DataSourceTest {

    @RegisterExtension
    static final DerbyDatabase DB = new DerbyDatabase();

    @Test
    void unconfiguredDataSourceOpensEmbeddedDerbyInTheWorkspaceFolder() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DataSourceTest.class).getBundleContext();
        String workspace = context.getProperty(Database.WORKSPACE_PROPERTY);
        assertNotNull(workspace, "the test pom sets " + Database.WORKSPACE_PROPERTY);
        DataSource ds = DB.configure(Map.of("url", ""));
        Path expected = Path.of(workspace).toAbsolutePath().resolve("db");
        try (Connection c = ds.getConnection()) {
            assertEquals("Apache Derby", c.getMetaData().getDatabaseProductName());
            assertEquals("jdbc:derby:" + expected, c.getMetaData().getURL());
        }
        assertTrue(Files.isRegularFile(expected.resolve("service.properties")), "no Derby database in " + expected);
    }

    @Test
    void configuredUrlOpensThatDatabase() throws Exception {
        try (Connection c = DB.dataSource().getConnection()) {
            assertEquals("jdbc:derby:" + DB.folder().resolve("db"), c.getMetaData().getURL());
        }
        assertTrue(Files.isRegularFile(DB.folder().resolve("db/service.properties")));
    }

    @Test
    void callerBeyondPoolSizeTimesOutWithAClearMessage() throws Exception {
        DataSource ds = DB.reconfigure(Map.of("poolSize", 2, "connectionTimeout", 1));
        try (Connection first = ds.getConnection(); Connection second = ds.getConnection()) {
            SQLException refused = assertThrows(SQLTransientConnectionException.class, ds::getConnection);
            assertTrue(refused.getMessage().contains("all 2 connections of the pool are in use"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("poolSize"), refused.getMessage());
            assertEquals(2, ds.unwrap(PooledDataSource.class).pool().active());
        }
    }

    @Test
    void closedConnectionGoesBackToThePoolForTheNextCaller() throws Exception {
        DataSource ds = DB.reconfigure(Map.of("poolSize", 1, "connectionTimeout", 1));
        Connection first = ds.getConnection();
        Connection physical = first.unwrap(Connection.class);
        first.setAutoCommit(false);
        first.close();
        assertTrue(first.isClosed());
        assertThrows(SQLException.class, first::createStatement, "a returned handle must not be usable");
        try (Connection second = ds.getConnection()) {
            assertEquals(physical, second.unwrap(Connection.class), "the idle connection is lent again");
            assertTrue(second.getAutoCommit(), "a returned connection is reset to auto-commit");
        }
        assertEquals(0, ds.unwrap(PooledDataSource.class).pool().active());
        assertEquals(1, ds.unwrap(PooledDataSource.class).pool().idle());
    }

    @Test
    void brokenIdleConnectionIsReplacedBeforeItIsLent() throws Exception {
        DataSource ds = DB.reconfigure(Map.of("poolSize", 1, "connectionTimeout", 1));
        Connection physical;
        try (Connection c = ds.getConnection()) {
            physical = c.unwrap(Connection.class);
        }
        physical.close(); // the idle connection breaks behind the pool's back
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertNotSame(physical, c.unwrap(Connection.class));
            assertTrue(s.execute("VALUES 1"));
        }
    }

    @Test
    void uncommittedWorkIsRolledBackWhenAConnectionIsReturned() throws Exception {
        DataSource ds = DB.reconfigure(Map.of("poolSize", 1));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO T VALUES (1)");
        }
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void passwordAliasWithoutSecretStoreFailsActivationWithAClearMessage() throws Exception {
        DB.configureWithoutWaiting(Map.of("url", DB.url(), "passwordAlias", "db-admin"));
        ServiceComponentRuntime scr = DB.service(ServiceComponentRuntime.class);
        Bundle persistence = FrameworkUtil.getBundle(PooledDataSource.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(persistence,
                PooledDataSource.class.getName());
        String failure = null;
        long deadline = System.currentTimeMillis() + DerbyDatabase.WAIT_MILLIS;
        while (failure == null && System.currentTimeMillis() < deadline) {
            for (ComponentConfigurationDTO dto : scr.getComponentConfigurationDTOs(description)) {
                if (dto.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        && "db-admin".equals(dto.properties.get("passwordAlias"))) {
                    failure = dto.failure;
                }
            }
            Thread.sleep(50);
        }
        assertNotNull(failure, "the data source did not fail although no SecretStore can resolve the alias");
        assertTrue(failure.contains("password alias 'db-admin'") && failure.contains("no SecretStore"), failure);
    }

    @Test
    void passwordReferenceToAnUnsetPropertyFailsActivationNamingTheSetting() throws Exception {
        DB.configureWithoutWaiting(Map.of("url", DB.url(), "passwordReference", "property:opsbench.test.no.such"));
        ServiceComponentRuntime scr = DB.service(ServiceComponentRuntime.class);
        Bundle persistence = FrameworkUtil.getBundle(PooledDataSource.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(persistence,
                PooledDataSource.class.getName());
        String failure = null;
        long deadline = System.currentTimeMillis() + DerbyDatabase.WAIT_MILLIS;
        while (failure == null && System.currentTimeMillis() < deadline) {
            for (ComponentConfigurationDTO dto : scr.getComponentConfigurationDTOs(description)) {
                if (dto.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        && "property:opsbench.test.no.such".equals(dto.properties.get("passwordReference"))) {
                    failure = dto.failure;
                }
            }
            Thread.sleep(50);
        }
        assertNotNull(failure, "the data source did not fail although the password reference points at nothing");
        assertTrue(failure.contains("passwordReference") && failure.contains("opsbench.test.no.such")
                && failure.contains("not set"), failure);
    }

    @Test
    void metatypeDescribesEveryConfigurationProperty() throws Exception {
        MetaTypeService metatype = DB.service(MetaTypeService.class);
        ObjectClassDefinition ocd = metatype.getMetaTypeInformation(FrameworkUtil.getBundle(PooledDataSource.class))
                .getObjectClassDefinition(Database.CONFIGURATION_PID, null);
        Set<String> described = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .map(AttributeDefinition::getID).collect(Collectors.toSet());
        Set<String> configured = Arrays.stream(DataSourceConfig.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(configured, described, "OSGI-INF/metatype/datasource.xml and DataSourceConfig differ");
        assertEquals(Set.of("url", "user", "passwordAlias", "passwordReference", "poolSize", "connectionTimeout"),
                described);
        AttributeDefinition poolSize = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(a -> a.getID().equals("poolSize")).findFirst().orElseThrow();
        assertEquals("8", poolSize.getDefaultValue()[0]);
        assertFalse(described.contains("password"), "a password never goes into the configuration");
    }
}
