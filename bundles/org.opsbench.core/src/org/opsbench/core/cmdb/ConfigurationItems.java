package org.opsbench.core.cmdb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.CiRef;
import org.osgi.annotation.versioning.ProviderType;

/** Looks up configuration items in the CMDB. */
@ProviderType
public interface ConfigurationItems {

    /** The item with {@code id}, with its current name, if it exists. */
    Optional<CiRef> resolve(String id);

    /**
     * Items of {@code type} (or of any type when {@code null}) whose name contains {@code text}, case-insensitive, at
     * most {@code limit} of them, ordered by name.
     */
    List<CiRef> search(String type, String text, int limit);

    /** The facts recorded for an item (for example {@code os.name}, {@code ip.address}); empty when unknown. */
    Map<String, String> facts(CiRef item);
}
