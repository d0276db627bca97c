package org.opsbench.incidents.internal.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.AuditEntry;
import org.opsbench.core.security.AuditLog;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.ArticleHit;
import org.opsbench.incidents.IncidentsPermissions;
import org.opsbench.incidents.InvalidTicketException;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.incidents.internal.IncidentsRuntime;
import org.opsbench.incidents.internal.service.Validation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link KnowledgeBase}: articles in the database (JPA), searched through the Lucene {@link ArticleIndex} in
 * {@code <workspace>/kb-index}, which is rebuilt at start when missing or when its count differs from the database.
 */
@Component(service = {KnowledgeBase.class, KnowledgeBaseService.class})
public final class KnowledgeBaseService implements KnowledgeBase {

    private final IncidentsRuntime runtime;
    private final AccessControl access;
    private final AuditLog audit;
    private final ArticleIndex index;
    private final boolean rebuilt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationItems items;

    /** Opens the index, rebuilding it when needed. */
    @Activate
    public KnowledgeBaseService(@Reference IncidentsRuntime runtime, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.runtime = runtime;
        this.access = access;
        this.audit = audit;
        Path folder = indexFolder(runtime.workspace());
        boolean existed = ArticleIndex.exists(folder);
        index = new ArticleIndex(folder);
        long stored = runtime.desk().articleCount();
        if (!existed || index.size() != stored) {
            index.rebuild(runtime.desk().articles());
            rebuilt = true;
            log.info("Knowledge-base index {} rebuilt from {} articles", folder, stored);
        } else {
            rebuilt = false;
        }
    }

    /** Where the index lives: beside the database. */
    public static Path indexFolder(Path workspace) {
        return workspace.resolve("kb-index");
    }

    /** Whether the index was rebuilt at activation. */
    public boolean rebuiltAtStart() {
        return rebuilt;
    }

    @Deactivate
    void deactivate() throws IOException {
        index.close();
    }

    @Override
    public Article save(Principal caller, Article article) {
        access.check(caller, IncidentsPermissions.KNOWLEDGE);
        Validation.text("title", article.title(), 200, true);
        Validation.text("body", article.body(), 32000, false);
        Validation.text("tags", String.join(",", article.tags()), 1000, false);
        List<org.opsbench.core.CiRef> cis = article.cis().isEmpty()
                ? List.of()
                : Validation.cis(article.cis().stream().map(org.opsbench.core.CiRef::id).toList(), items);
        Article input = new Article(article.reference(), article.title(), article.body(), article.tags(), cis, "",
                null);
        if (!input.reference().isEmpty() && runtime.desk().article(input.reference()).isEmpty()) {
            throw new InvalidTicketException("reference", "no article " + input.reference());
        }
        Article[] saved = runtime.desk().saveArticle(input, caller.name(), runtime.clock().millis());
        try {
            index.put(saved[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge-base index: " + e.getMessage(), e);
        }
        audit.append(new AuditEntry(caller, saved[1] == null ? "incidents.article.create" : "incidents.article.update",
                "article", saved[0].reference(), "saved article " + saved[0].reference() + ": " + saved[0].title(),
                saved[1] == null ? null : saved[1].title(), saved[0].title()));
        post(caller, saved[0].reference(), "saved article " + saved[0].title());
        return saved[0];
    }

    @Override
    public Optional<Article> article(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.desk().article(reference == null ? "" : reference.strip().toUpperCase());
    }

    @Override
    public boolean delete(Principal caller, String reference) {
        access.check(caller, IncidentsPermissions.KNOWLEDGE);
        Optional<Article> gone = runtime.desk().deleteArticle(reference);
        if (gone.isEmpty()) {
            return false;
        }
        try {
            index.remove(gone.get().reference());
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge-base index: " + e.getMessage(), e);
        }
        audit.append(new AuditEntry(caller, "incidents.article.delete", "article", reference,
                "deleted article " + reference, gone.get().title(), null));
        post(caller, reference, "deleted article");
        return true;
    }

    @Override
    public List<ArticleHit> search(Principal caller, String query, int limit) {
        access.check(caller, IncidentsPermissions.READ);
        return run(query, limit, false);
    }

    @Override
    public List<ArticleHit> suggest(Principal caller, String title, int limit) {
        access.check(caller, IncidentsPermissions.READ);
        return run(title, limit, true);
    }

    private List<ArticleHit> run(String text, int limit, boolean prefix) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidTicketException("limit", "1..1000, was " + limit);
        }
        try {
            return index.search(text == null ? "" : text, limit, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge-base index: " + e.getMessage(), e);
        }
    }

    @Override
    public long count(Principal caller) {
        access.check(caller, IncidentsPermissions.READ);
        return runtime.desk().articleCount();
    }

    private void post(Principal caller, String reference, String summary) {
        runtime.post(Topics.INCIDENTS_UPDATED, Map.of(EventProperties.REFERENCE, reference,
                EventProperties.PRINCIPAL, caller.name(), EventProperties.SUMMARY, summary,
                EventProperties.TIMESTAMP, runtime.clock().millis()));
    }
}
