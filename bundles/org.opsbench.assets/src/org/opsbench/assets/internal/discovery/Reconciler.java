package org.opsbench.assets.internal.discovery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.internal.service.AssetsService;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.assets.internal.store.HistoryStore;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.DiscoveredItem;

/**
 * Matches a discovered item with the CMDB, in the caller's transaction: first by its stable identifiers (machine id,
 * hardware serial, MAC addresses), then by type and name. A match is updated (every changed fact becomes a history
 * entry); no match creates an item. The identifiers are then recorded for the item.
 */
public final class Reconciler {

    /**
     * What reconciling one item did.
     *
     * @param item
     *            the item after the change
     * @param created
     *            whether it is new
     * @param changed
     *            the facts that changed (empty for a new item)
     * @param graphVersion
     *            the graph version a new item made, 0 when none
     */
    public record Outcome(ConfigurationItem item, boolean created, List<HistoryEntry> changed, long graphVersion) {
    }

    private Reconciler() {
    }

    /** The stable identifiers in {@code facts}, kind to value. */
    public static List<String[]> identifiers(Map<String, String> facts) {
        List<String[]> out = new ArrayList<>();
        String machine = facts.get("machine.id");
        if (machine != null && machine.matches("[0-9a-fA-F-]{16,64}")) {
            out.add(new String[]{"machine-id", machine.toLowerCase(java.util.Locale.ROOT)});
        }
        String serial = facts.get("hardware.serial");
        if (serial != null && !serial.isBlank() && !serial.matches("0+|None|System Serial Number|Default string")) {
            out.add(new String[]{"serial", serial.strip()});
        }
        String macs = facts.get("mac.addresses");
        if (macs != null) {
            for (String mac : macs.split(",")) {
                if (!mac.isBlank()) {
                    out.add(new String[]{"mac", mac.strip().toLowerCase(java.util.Locale.ROOT)});
                }
            }
        }
        return out;
    }

    /** Reconciles {@code found} as {@code caller} with history source {@code source}. */
    public static Outcome reconcile(Connection c, DiscoveredItem found, Principal caller, Instant now, String source)
            throws SQLException {
        List<String[]> ids = identifiers(found.facts());
        Optional<String> match = Optional.empty();
        for (String[] id : ids) {
            match = CiStore.byIdentifier(c, id[0], id[1]);
            if (match.isPresent()) {
                break;
            }
        }
        if (match.isEmpty()) {
            match = CiStore.idByName(c, found.type(), found.name());
        }
        Outcome outcome;
        if (match.isEmpty()) {
            String id = UUID.randomUUID().toString();
            CiStore.insert(c, id, CiSpec.of(found.type(), found.name()), now);
            CiStore.putFacts(c, id, Map.of(), found.facts());
            HistoryStore.append(c, List.of(new HistoryEntry(id, now, caller.name(), "created", null,
                    found.type() + " " + found.name() + " with " + found.facts().size() + " facts", source)));
            outcome = new Outcome(CiStore.get(c, id).orElseThrow(), true, List.of(),
                    org.opsbench.assets.internal.store.GraphIndex.bump(c));
        } else {
            String id = match.get();
            ConfigurationItem before = CiStore.get(c, id).orElseThrow();
            List<HistoryEntry> changed = new ArrayList<>();
            AssetsService.mapDiff(changed, id, now, caller, "fact:", before.facts(), found.facts(), source);
            if (!changed.isEmpty()) {
                CiStore.putFacts(c, id, before.facts(), found.facts());
                HistoryStore.append(c, changed);
                CiStore.touch(c, id, now);
            }
            outcome = new Outcome(changed.isEmpty() ? before : CiStore.get(c, id).orElseThrow(), false, changed, 0);
        }
        for (String[] id : ids) {
            CiStore.putIdentifier(c, id[0], id[1], outcome.item().id());
        }
        return outcome;
    }

    /** Facts of {@code base} with {@code overlay} on top (for imports that add facts to existing ones). */
    public static Map<String, String> merged(Map<String, String> base, Map<String, String> overlay) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(overlay);
        return out;
    }
}
