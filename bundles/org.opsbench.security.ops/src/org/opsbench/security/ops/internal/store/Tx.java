package org.opsbench.security.ops.internal.store;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** Read work and write work in one transaction each, on the area's persistence unit. */
public final class Tx {

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public Tx(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs read-only work. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs work in one transaction: all of it is written or nothing. */
    public <T> T write(Function<EntityManager, T> work) {
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

    static String join(Iterable<String> parts) {
        return String.join("\n", parts);
    }

    static java.util.List<String> split(String text) {
        return text == null || text.isEmpty() ? java.util.List.of() : java.util.List.of(text.split("\n"));
    }

    static java.time.Instant instant(Long millis) {
        return millis == null ? null : java.time.Instant.ofEpochMilli(millis);
    }

    static Long millis(java.time.Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
