package org.opsbench.persistence;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * JPA units of work on an area's {@link EntityManagerFactory}: each call makes its own entity manager and closes it.
 * {@link #write} is one transaction, committed when the work returns and rolled back when it throws. The plain-JDBC
 * counterpart is {@link Transactions}.
 */
public final class JpaWork {

    private JpaWork() {
    }

    /**
     * Runs {@code work} in one transaction.
     *
     * @return what the work returned, after the commit
     * @throws RuntimeException
     *             what the work or the commit threw; nothing of the work is kept then
     */
    public static <T> T write(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * Runs {@code work}, which only reads. Entities it returns are detached: map them to records inside the work.
     */
    public static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
