package org.opsbench.assets;

/**
 * A page of items for the explorer and the console: filters (each {@code null} for any), sort and page.
 *
 * @param type
 *            type id, or {@code null}
 * @param text
 *            part of the name, case-insensitive, or {@code null}
 * @param tag
 *            a tag the item has, or {@code null}
 * @param group
 *            a group the item is in, or {@code null}
 * @param lifecycle
 *            a lifecycle state, or {@code null}
 * @param sort
 *            the sort column
 * @param ascending
 *            the sort direction
 * @param offset
 *            rows to skip
 * @param limit
 *            rows at most, 1 to 10,000
 */
public record CiQuery(String type, String text, String tag, String group, LifecycleState lifecycle, Sort sort,
        boolean ascending, int offset, int limit) {

    /** Sort columns. */
    public enum Sort {
        /** By name. */
        NAME,
        /** By type, then name. */
        TYPE,
        /** By lifecycle state, then name. */
        LIFECYCLE,
        /** By last change, then name. */
        UPDATED
    }

    /** Validates the page. */
    public CiQuery {
        sort = sort == null ? Sort.NAME : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: 1 to 10000, was " + limit);
        }
    }

    /** The first {@code limit} items of {@code type} (or all types) by name. */
    public static CiQuery ofType(String type, int limit) {
        return new CiQuery(type, null, null, null, null, Sort.NAME, true, 0, limit);
    }

    /** This query filtered by name text. */
    public CiQuery withText(String value) {
        return new CiQuery(type, value, tag, group, lifecycle, sort, ascending, offset, limit);
    }

    /** This query filtered by tag and group. */
    public CiQuery withTagAndGroup(String newTag, String newGroup) {
        return new CiQuery(type, text, newTag, newGroup, lifecycle, sort, ascending, offset, limit);
    }

    /** This query at another page. */
    public CiQuery page(int newOffset, int newLimit) {
        return new CiQuery(type, text, tag, group, lifecycle, sort, ascending, newOffset, newLimit);
    }

    /** This query sorted otherwise. */
    public CiQuery sorted(Sort newSort, boolean newAscending) {
        return new CiQuery(type, text, tag, group, lifecycle, newSort, newAscending, offset, limit);
    }
}
