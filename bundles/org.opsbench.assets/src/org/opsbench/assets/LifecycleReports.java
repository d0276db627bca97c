package org.opsbench.assets;

import java.time.LocalDate;
import java.util.List;

import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;

/** Warranty and license expiry, and license compliance. Needs {@link AssetPermissions#READ}. */
public interface LifecycleReports {

    /**
     * An item whose warranty or license ends soon (or ended).
     *
     * @param item
     *            the item
     * @param what
     *            {@code warranty} or {@code license}
     * @param ends
     *            the end date
     * @param daysLeft
     *            days from today, negative when past
     */
    record Expiry(CiRef item, String what, LocalDate ends, long daysLeft) {
    }

    /**
     * A license against what discovery found installed.
     *
     * @param license
     *            the license item
     * @param product
     *            the package name it covers
     * @param entitlements
     *            how many installations it allows
     * @param installations
     *            how many items have the package installed (fact {@code package.<product>})
     * @param installedOn
     *            the names of those items, up to 100
     */
    record Compliance(CiRef license, String product, long entitlements, long installations, List<String> installedOn) {

        /** Whether the installations are within the entitlements. */
        public boolean compliant() {
            return installations <= entitlements;
        }
    }

    /** Warranties and licenses that end within {@code days} days (or have ended and the item is not retired). */
    List<Expiry> expiring(Principal caller, int days);

    /** Every license with its installations. */
    List<Compliance> compliance(Principal caller);
}
