package org.opsbench.incidents;

/**
 * A search result: an article's reference and title with its relevance.
 *
 * @param reference
 *            {@code KB-000001}
 * @param title
 *            the title
 * @param score
 *            relevance (BM25), higher is better; only comparable within one search
 * @param snippet
 *            the start of the body, for lists
 */
public record ArticleHit(String reference, String title, float score, String snippet) {
}
