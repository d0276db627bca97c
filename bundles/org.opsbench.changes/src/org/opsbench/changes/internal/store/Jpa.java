package org.opsbench.changes.internal.store;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** Reads and transactions on the area's persistence unit: each call is one transaction, rolled back on failure. */
final class Jpa {

    private final EntityManagerFactory emf;

    Jpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    <T> T write(Function<EntityManager, T> work) {
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
}
