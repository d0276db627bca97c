package org.opsbench.incidents;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Knowledge-base articles with full-text search (Apache Lucene, index beside the database, rebuilt from the database
 * when missing). Reads need {@link IncidentsPermissions#READ}; changes {@link IncidentsPermissions#KNOWLEDGE}, are
 * audited and post {@code org/opsbench/incidents/UPDATED}.
 */
public interface KnowledgeBase {

    /** Creates (empty reference) or replaces an article; returns it as stored. */
    Article save(Principal caller, Article article);

    /** The article with {@code reference}. */
    Optional<Article> article(Principal caller, String reference);

    /** Deletes an article; whether it existed. */
    boolean delete(Principal caller, String reference);

    /** Ranked full-text search over titles (boosted), tags and bodies; at most {@code limit} hits. */
    List<ArticleHit> search(Principal caller, String query, int limit);

    /** Articles that may help with a ticket of this title (while the title is being typed); prefix-matches words. */
    List<ArticleHit> suggest(Principal caller, String title, int limit);

    /** How many articles there are. */
    long count(Principal caller);
}
