package org.opsbench.incidents;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;

/**
 * A knowledge-base article.
 *
 * @param reference
 *            {@code KB-000001}; empty for a new article to be saved
 * @param title
 *            one line, required
 * @param body
 *            Markdown
 * @param tags
 *            lower-case tags
 * @param cis
 *            linked configuration items
 * @param author
 *            login of the last author
 * @param updated
 *            last change
 */
public record Article(String reference, String title, String body, List<String> tags, List<CiRef> cis,
        String author, Instant updated) {

    /** Normalizes and copies. */
    public Article {
        reference = reference == null ? "" : reference.strip();
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body;
        tags = tags == null
                ? List.of()
                : tags.stream().map(t -> t.strip().toLowerCase()).filter(t -> !t.isEmpty()).distinct().toList();
        cis = cis == null ? List.of() : List.copyOf(cis);
        author = author == null ? "" : author;
    }

    /** A new article (no reference yet). */
    public static Article draft(String title, String body, List<String> tags) {
        return new Article("", title, body, tags, List.of(), "", null);
    }
}
