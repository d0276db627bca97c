package org.opsbench.rest;

import java.util.List;

/**
 * One page of a list: {@code items} starting at {@code offset}, at most {@code limit} of them, out of {@code total}.
 *
 * @param items
 *            the rows of this page
 * @param offset
 *            index of the first row in the whole list, from 0
 * @param limit
 *            the page size asked for (1-500)
 * @param total
 *            how many rows the whole list has
 * @param <T>
 *            the row record
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 500;

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code all} from {@code offset}, at most {@code limit} rows.
     *
     * @throws ApiProblem
     *             400 naming {@code offset} or {@code limit} when they are out of range
     */
    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        validate(offset, limit);
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to), offset, limit, all.size());
    }

    /**
     * Checks paging parameters, for resources that page in the database.
     *
     * @throws ApiProblem
     *             400 naming {@code offset} (negative) or {@code limit} (not 1-500)
     */
    public static void validate(int offset, int limit) {
        if (offset < 0) {
            throw ApiProblem.badRequest("offset", "offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit", "limit must be 1-" + MAX_LIMIT + ", was " + limit);
        }
    }
}
