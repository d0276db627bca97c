package org.opsbench.assets;

import java.util.List;

/**
 * A page of a {@link CiQuery}.
 *
 * @param items
 *            the items of the page, in order
 * @param total
 *            how many items match in all
 */
public record CiPage(List<ConfigurationItem> items, long total) {

    /** Copies the list. */
    public CiPage {
        items = List.copyOf(items);
    }
}
