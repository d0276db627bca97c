package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.persistence.PersistenceUnits;
import org.opsbench.persistence.SchemaMigrations;
import org.opsbench.persistence.JpaWork;
import org.opsbench.persistence.tests.model.Item;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The area class-loader design: a persistence unit and an entity that live in THIS bundle, a table created by a
 * migration, and the shared data source underneath.
 */
class EntityRoundTripTest {

    @RegisterExtension
    static final DerbyDatabase DB = new DerbyDatabase();

    @Test
    void entityOfTheCallingBundleRoundTripsThroughTheSharedDataSource() throws Exception {
        DB.service(SchemaMigrations.class).migrate("tests", FrameworkUtil.getBundle(getClass()), "migrations/items");
        EntityManagerFactory emf = DB.service(PersistenceUnits.class).createEntityManagerFactory("opsbench-tests");
        try {
            long id;
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                Item item = new Item("router-1");
                em.persist(item);
                em.getTransaction().commit();
                assertNotNull(item.getId(), "identity not generated");
                id = item.getId();
            } finally {
                em.close();
            }
            EntityManager reader = emf.createEntityManager();
            try {
                List<Item> all = reader.createQuery("SELECT i FROM Item i WHERE i.name = :n", Item.class)
                        .setParameter("n", "router-1").getResultList();
                assertEquals(1, all.size());
                assertEquals(id, all.get(0).getId());
                assertSame(FrameworkUtil.getBundle(getClass()).adapt(BundleWiring.class).getClassLoader(),
                        all.get(0).getClass().getClassLoader(), "the entity class comes from the area bundle");
            } finally {
                reader.close();
            }
            // the row is in the shared database, seen by plain JDBC
            try (Connection c = DB.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT NAME FROM ITEMS WHERE ID = " + id)) {
                assertTrue(rs.next());
                assertEquals("router-1", rs.getString(1));
            }
            assertEquals(0, DB.pooled().pool().active(), "EclipseLink must give every connection back");
        } finally {
            emf.close();
        }
    }

    @Test
    void unitOfWorkCommitsWhatReturnsAndKeepsNothingOfWhatThrows() throws Exception {
        DB.service(SchemaMigrations.class).migrate("tests", FrameworkUtil.getBundle(getClass()), "migrations/items");
        EntityManagerFactory emf = DB.service(PersistenceUnits.class).createEntityManagerFactory("opsbench-tests");
        try {
            Long kept = JpaWork.write(emf, em -> {
                Item item = new Item("uow-kept");
                em.persist(item);
                em.flush();
                return item.getId();
            });
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> JpaWork.write(emf, em -> {
                        em.persist(new Item("uow-lost"));
                        em.flush();
                        throw new IllegalStateException("second write fails after the insert reached the database");
                    }));
            assertTrue(thrown.getMessage().startsWith("second write"), thrown.getMessage());
            List<String> names = JpaWork.read(emf,
                    em -> em.createQuery("SELECT i.name FROM Item i WHERE i.name LIKE 'uow-%' ORDER BY i.name",
                            String.class).getResultList());
            assertEquals(List.of("uow-kept"), names, "the failed unit of work must leave no row");
            assertNotNull(kept);
            assertEquals(0, DB.pooled().pool().active(), "every unit of work must give its connection back");
        } finally {
            emf.close();
        }
    }

    @Test
    void unknownPersistenceUnitIsReportedWithTheBundleName() throws Exception {
        PersistenceUnits units = DB.service(PersistenceUnits.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> units.createEntityManagerFactory("no-such-unit"));
        assertTrue(e.getMessage().contains("org.opsbench.persistence.tests")
                && e.getMessage().contains("no-such-unit"), e.getMessage());
    }
}
