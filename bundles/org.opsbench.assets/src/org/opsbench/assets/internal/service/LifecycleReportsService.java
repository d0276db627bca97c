package org.opsbench.assets.internal.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.opsbench.assets.AssetPermissions;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.assets.LifecycleReports;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link LifecycleReports}: warranty ends ({@code warranty.end}) and license expiry ({@code expires}) from the
 * attributes; compliance counts the items whose discovered facts hold {@code package.<product>}.
 */
@Component(service = LifecycleReports.class)
public final class LifecycleReportsService implements LifecycleReports {

    private final AssetsDatabase db;
    private final Changes changes;

    /** With the area's tables. */
    @Activate
    public LifecycleReportsService(@Reference AssetsDatabase db, @Reference Changes changes) {
        this.db = db;
        this.changes = changes;
    }

    @Override
    public List<Expiry> expiring(Principal caller, int days) {
        changes.check(caller, AssetPermissions.READ);
        if (days < 0 || days > 3650) {
            throw new InvalidItemException("days", "0 to 3650, was " + days);
        }
        LocalDate today = LocalDate.ofInstant(changes.clock().instant(), ZoneOffset.UTC);
        return db.tx(c -> {
            List<Expiry> out = new ArrayList<>();
            for (String[] kind : new String[][]{{"warranty.end", "warranty"}, {"expires", "license"}}) {
                Map<String, String> values = CiStore.withAttribute(c, kind[0]);
                Map<String, CiStore.Row> rows = CiStore.rows(c, new ArrayList<>(values.keySet()));
                for (CiStore.Row r : rows.values()) {
                    if (r.lifecycle() == LifecycleState.RETIRED || r.lifecycle() == LifecycleState.DISPOSED) {
                        continue;
                    }
                    LocalDate ends;
                    try {
                        ends = LocalDate.parse(values.get(r.id()));
                    } catch (DateTimeParseException e) {
                        continue;
                    }
                    long left = ChronoUnit.DAYS.between(today, ends);
                    if (left <= days) {
                        out.add(new Expiry(new CiRef(r.id(), r.type(), r.name()), kind[1], ends, left));
                    }
                }
            }
            out.sort(Comparator.comparingLong(Expiry::daysLeft).thenComparing(e -> e.item().name()));
            return out;
        });
    }

    @Override
    public List<Compliance> compliance(Principal caller) {
        changes.check(caller, AssetPermissions.READ);
        return db.tx(c -> {
            List<Compliance> out = new ArrayList<>();
            Map<String, String> products = CiStore.withAttribute(c, "product");
            Map<String, String> entitlements = CiStore.withAttribute(c, "entitlements");
            Map<String, CiStore.Row> licenses = CiStore.rows(c, new ArrayList<>(products.keySet()));
            for (CiStore.Row l : licenses.values()) {
                if (!l.type().equals("license")) {
                    continue;
                }
                String product = products.get(l.id());
                long allowed;
                try {
                    allowed = Long.parseLong(entitlements.getOrDefault(l.id(), "0").strip());
                } catch (NumberFormatException e) {
                    allowed = 0;
                }
                Map<String, String> installed = CiStore.withFact(c, "package." + product);
                List<String> names = CiStore.rows(c, new ArrayList<>(installed.keySet()).subList(0,
                        Math.min(100, installed.size()))).values().stream().map(CiStore.Row::name).sorted().toList();
                out.add(new Compliance(new CiRef(l.id(), l.type(), l.name()), product, allowed, installed.size(),
                        names));
            }
            out.sort(Comparator.comparing(Compliance::compliant).thenComparing(x -> x.license().name()));
            return out;
        });
    }
}
