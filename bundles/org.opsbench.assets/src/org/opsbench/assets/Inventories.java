package org.opsbench.assets;

import org.opsbench.core.Principal;

/**
 * Import and export of items: CSV and Ansible inventories (INI and YAML). An import is one transaction: a bad line
 * (named by its number) imports nothing. Imports need {@link AssetPermissions#WRITE}, exports
 * {@link AssetPermissions#READ}. The formats are described in docs/assets.md.
 */
public interface Inventories {

    /** The file formats. */
    enum Format {
        /** {@code type,name,lifecycle,tags,groups,<attribute>...} with a header line. */
        CSV,
        /** Ansible inventory INI. */
        ANSIBLE_INI,
        /** Ansible inventory YAML. */
        ANSIBLE_YAML
    }

    /**
     * What an import did.
     *
     * @param created
     *            items created
     * @param updated
     *            items changed
     * @param unchanged
     *            items already as given
     */
    record ImportResult(int created, int updated, int unchanged) {
    }

    /**
     * Imports {@code text}. Ansible hosts become items of {@code defaultType} (a host variable {@code opsbench_type}
     * overrides it), their groups the items' groups, their variables facts {@code ansible.<var>}. An existing item
     * keeps its attributes, tags and lifecycle and gains the groups and facts; a CSV line sets an item as given.
     */
    ImportResult importText(Principal caller, Format format, String text, String defaultType);

    /** Exports the items of {@code type}, {@code tag} and {@code group} (each {@code null} for any). */
    String export(Principal caller, Format format, String type, String tag, String group);
}
