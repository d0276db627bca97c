package org.opsbench.changes.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsbench.changes.BaselineDefinition;
import org.opsbench.changes.BaselineVersion;
import org.opsbench.changes.Drift;
import org.opsbench.core.CiRef;

import org.opsbench.persistence.JpaWork;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** Baselines, their versions and the drift found or reported, through JPA; each method is one transaction. */
public final class BaselineStore {

    private final EntityManagerFactory emf;

    /** On the area's persistence unit. */
    public BaselineStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Creates or replaces a definition; returns the previous one. */
    public Optional<BaselineDefinition> define(BaselineDefinition d) {
        return JpaWork.write(emf, em -> {
            BaselineEntity e = em.find(BaselineEntity.class, d.name());
            Optional<BaselineDefinition> before = Optional.ofNullable(e).map(BaselineStore::definition);
            if (e == null) {
                e = new BaselineEntity();
                e.name = d.name();
                em.persist(e);
            }
            e.ciId = d.item().id();
            e.ciType = d.item().type();
            e.ciName = d.item().name();
            e.files = Texts.lines(d.files());
            e.commands = Texts.lines(d.commands());
            return before;
        });
    }

    /** The definitions by name. */
    public List<BaselineDefinition> definitions() {
        return JpaWork.read(emf,
                em -> em.createQuery("SELECT b FROM BaselineEntity b ORDER BY b.name", BaselineEntity.class)
                        .getResultList().stream().map(BaselineStore::definition).toList());
    }

    /** One definition. */
    public Optional<BaselineDefinition> definition(String name) {
        return JpaWork.read(emf,
                em -> Optional.ofNullable(em.find(BaselineEntity.class, name)).map(BaselineStore::definition));
    }

    /** Stores a new version (numbered after the last); approved when it is the first. */
    public BaselineVersion addVersion(String name, Instant at, String by, List<BaselineVersion.Item> items) {
        return JpaWork.write(emf, em -> {
            Integer last = em.createQuery("SELECT MAX(v.version) FROM BaselineVersionEntity v WHERE v.name = :n",
                    Integer.class).setParameter("n", name).getSingleResult();
            BaselineVersionEntity e = new BaselineVersionEntity();
            e.name = name;
            e.version = last == null ? 1 : last + 1;
            e.captured = at.toEpochMilli();
            e.capturedBy = by;
            e.approved = last == null;
            e.approvedWith = "";
            List<String> packed = new ArrayList<>();
            for (BaselineVersion.Item i : items) {
                packed.addAll(List.of(i.subject(), i.sha256(), i.content()));
            }
            e.items = Texts.pack(packed);
            em.persist(e);
            return version(e);
        });
    }

    /** Makes {@code version} the approved one (and no other); returns it. */
    public Optional<BaselineVersion> approve(String name, int version, String changeReference) {
        return JpaWork.write(emf, em -> {
            List<BaselineVersionEntity> all = versions(em, name);
            Optional<BaselineVersionEntity> chosen = all.stream().filter(v -> v.version == version).findFirst();
            chosen.ifPresent(c -> all.forEach(v -> {
                v.approved = v == c;
                if (v == c) {
                    v.approvedWith = changeReference == null ? "" : changeReference;
                }
            }));
            return chosen.map(BaselineStore::version);
        });
    }

    /** The versions, newest first. */
    public List<BaselineVersion> versions(String name) {
        return JpaWork.read(emf, em -> versions(em, name).stream().map(BaselineStore::version).toList());
    }

    /** Records drift; returns it with its id. */
    public Drift addDrift(String source, CiRef item, String summary, String diff, Instant at) {
        return JpaWork.write(emf, em -> {
            DriftEntity e = new DriftEntity();
            e.source = source;
            e.ciId = item.id();
            e.ciType = item.type();
            e.ciName = item.name();
            e.summary = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
            e.diff = diff;
            e.at = at.toEpochMilli();
            em.persist(e);
            em.flush();
            return drift(e);
        });
    }

    /** Drift in {@code [from, to)}, newest first. */
    public List<Drift> drift(Instant from, Instant to) {
        return JpaWork.read(emf, em -> em
                .createQuery(
                        "SELECT d FROM DriftEntity d WHERE d.at >= :from AND d.at < :to ORDER BY d.at DESC, d.id DESC",
                        DriftEntity.class)
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli()).getResultList()
                .stream().map(BaselineStore::drift).toList());
    }

    private static List<BaselineVersionEntity> versions(EntityManager em, String name) {
        return em.createQuery("SELECT v FROM BaselineVersionEntity v WHERE v.name = :n ORDER BY v.version DESC",
                BaselineVersionEntity.class).setParameter("n", name).getResultList();
    }

    private static BaselineDefinition definition(BaselineEntity e) {
        return new BaselineDefinition(e.name, new CiRef(e.ciId, e.ciType, e.ciName), Texts.lines(e.files),
                Texts.lines(e.commands));
    }

    private static BaselineVersion version(BaselineVersionEntity e) {
        List<String> packed = Texts.unpack(e.items);
        List<BaselineVersion.Item> items = new ArrayList<>();
        for (int i = 0; i + 2 < packed.size(); i += 3) {
            items.add(new BaselineVersion.Item(packed.get(i), packed.get(i + 1), packed.get(i + 2)));
        }
        return new BaselineVersion(e.name, e.version, Instant.ofEpochMilli(e.captured), e.capturedBy, e.approved,
                e.approvedWith, items);
    }

    private static Drift drift(DriftEntity e) {
        return new Drift(e.id, e.source, new CiRef(e.ciId, e.ciType, e.ciName), e.summary, e.diff,
                Instant.ofEpochMilli(e.at));
    }
}
