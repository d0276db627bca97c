package org.opsbench.incidents.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.opsbench.core.CiRef;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.AssignmentGroup;
import org.opsbench.incidents.Problem;
import org.opsbench.persistence.JpaWork;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The service desk's configuration, problems and articles through JPA. Each method is one transaction; API records
 * cross out of here.
 */
public final class DeskStore {

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public DeskStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs {@code work} in a read-only entity manager. */
    public <T> T read(Function<EntityManager, T> work) {
        return JpaWork.read(emf, work);
    }

    /** Runs {@code work} in one transaction. */
    public <T> T write(Function<EntityManager, T> work) {
        return JpaWork.write(emf, work);
    }

    /** The next number of {@code prefix}, in the caller's transaction. */
    public static long next(EntityManager em, String prefix) {
        em.createQuery("UPDATE CounterEntity c SET c.last = c.last + 1 WHERE c.prefix = :p").setParameter("p", prefix)
                .executeUpdate();
        CounterEntity c = em.find(CounterEntity.class, prefix);
        em.refresh(c);
        return c.last;
    }

    /** A setting's text. */
    public Optional<String> setting(String name) {
        return read(em -> Optional.ofNullable(em.find(SettingEntity.class, name)).map(s -> s.value));
    }

    /** Stores a setting; returns the previous text. */
    public Optional<String> saveSetting(String name, String value) {
        return write(em -> {
            SettingEntity e = em.find(SettingEntity.class, name);
            Optional<String> before = Optional.ofNullable(e).map(s -> s.value);
            if (e == null) {
                e = new SettingEntity();
                e.name = name;
                e.value = value;
                em.persist(e);
            } else {
                e.value = value;
            }
            return before;
        });
    }

    /** All groups by name. */
    public List<AssignmentGroup> groups() {
        return read(em -> em.createQuery("SELECT g FROM GroupEntity g ORDER BY g.name", GroupEntity.class)
                .getResultList().stream().map(DeskStore::group).toList());
    }

    /** Creates or replaces a group; returns the previous one. */
    public Optional<AssignmentGroup> saveGroup(AssignmentGroup g) {
        return write(em -> {
            GroupEntity e = em.find(GroupEntity.class, g.name());
            Optional<AssignmentGroup> before = Optional.ofNullable(e).map(DeskStore::group);
            if (e == null) {
                e = new GroupEntity();
                e.name = g.name();
            }
            e.description = g.description();
            e.members = Texts.list(g.members().stream().sorted().toList());
            if (before.isEmpty()) {
                em.persist(e);
            }
            return before;
        });
    }

    /** Deletes a group; returns it. */
    public Optional<AssignmentGroup> deleteGroup(String name) {
        return write(em -> {
            GroupEntity e = em.find(GroupEntity.class, name);
            if (e == null) {
                return Optional.empty();
            }
            em.remove(e);
            return Optional.of(group(e));
        });
    }

    private static AssignmentGroup group(GroupEntity e) {
        return new AssignmentGroup(e.name, e.description, java.util.Set.copyOf(Texts.list(e.members)));
    }

    /** A problem entity's record, with its linked incidents. */
    public static Problem problem(ProblemEntity e, List<String> incidents) {
        return new Problem(e.reference, e.title, e.description, e.rootCause, e.workaround, e.knownError,
                Texts.list(e.matchTerms), Texts.cis(e.cis), e.closed, incidents, Instant.ofEpochMilli(e.updated));
    }

    /** Sets the fields of a problem entity. */
    public static void fill(ProblemEntity e, String title, String description, String rootCause, String workaround,
            List<String> terms, List<CiRef> cis, long now) {
        e.title = title;
        e.description = description;
        e.rootCause = rootCause;
        e.workaround = workaround;
        e.matchTerms = Texts.list(terms);
        e.cis = Texts.cis(cis);
        e.updated = now;
    }

    /** The problem entity (for changes within {@link #write}). */
    public static ProblemEntity newProblem(String reference) {
        ProblemEntity e = new ProblemEntity();
        e.reference = reference;
        return e;
    }

    /** Marks the entity. */
    public static void setState(ProblemEntity e, Boolean knownError, Boolean closed, long now) {
        if (knownError != null) {
            e.knownError = knownError;
        }
        if (closed != null) {
            e.closed = closed;
        }
        e.updated = now;
    }

    /** The workaround of an entity. */
    public static String workaround(ProblemEntity e) {
        return e.workaround;
    }

    /** All problems, newest first. */
    public List<ProblemEntity> problems() {
        return read(em -> em.createQuery("SELECT p FROM ProblemEntity p ORDER BY p.reference DESC",
                ProblemEntity.class).getResultList());
    }

    /** Published, not closed known errors. */
    public List<ProblemEntity> knownErrors() {
        return read(em -> em.createQuery(
                "SELECT p FROM ProblemEntity p WHERE p.knownError = TRUE AND p.closed = FALSE ORDER BY p.reference",
                ProblemEntity.class).getResultList());
    }

    /** The reference of an entity. */
    public static String reference(ProblemEntity e) {
        return e.reference;
    }

    /** An article entity's record. */
    public static Article article(ArticleEntity e) {
        return new Article(e.reference, e.title, e.body, Texts.list(e.tags), Texts.cis(e.cis), e.author,
                Instant.ofEpochMilli(e.updated));
    }

    /** Creates (empty reference) or replaces an article; returns the stored one and the previous one. */
    public Article[] saveArticle(Article a, String author, long now) {
        return write(em -> {
            ArticleEntity e = a.reference().isEmpty() ? null : em.find(ArticleEntity.class, a.reference());
            Article before = e == null ? null : article(e);
            if (e == null) {
                e = new ArticleEntity();
                e.reference = a.reference().isEmpty() ? String.format("KB-%06d", next(em, "KB")) : a.reference();
            }
            e.title = a.title();
            e.body = a.body();
            e.tags = Texts.list(a.tags());
            e.cis = Texts.cis(a.cis());
            e.author = author;
            e.updated = now;
            if (before == null) {
                em.persist(e);
            }
            return new Article[]{article(e), before};
        });
    }

    /** The article. */
    public Optional<Article> article(String reference) {
        return read(em -> Optional.ofNullable(em.find(ArticleEntity.class, reference)).map(DeskStore::article));
    }

    /** Deletes an article; returns it. */
    public Optional<Article> deleteArticle(String reference) {
        return write(em -> {
            ArticleEntity e = em.find(ArticleEntity.class, reference);
            if (e == null) {
                return Optional.empty();
            }
            em.remove(e);
            return Optional.of(article(e));
        });
    }

    /** All articles (for rebuilding the index). */
    public List<Article> articles() {
        return read(em -> em.createQuery("SELECT a FROM ArticleEntity a ORDER BY a.reference", ArticleEntity.class)
                .getResultList().stream().map(DeskStore::article).toList());
    }

    /** How many articles. */
    public long articleCount() {
        return read(em -> em.createQuery("SELECT COUNT(a) FROM ArticleEntity a", Long.class).getSingleResult());
    }
}
