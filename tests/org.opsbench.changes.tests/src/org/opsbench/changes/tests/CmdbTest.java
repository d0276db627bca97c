package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.core.CiRef;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.osgi.framework.ServiceRegistration;

/**
 * With a CMDB installed (a {@link ConfigurationItems} service, as the assets area registers it), items are confirmed
 * and renamed from it and the risk counts their criticality; when it goes away the area works on without it.
 */
class CmdbTest {

    /** A CMDB of two items. */
    private static final class TwoItems implements ConfigurationItems {

        final CiRef shop = new CiRef("ci-shop-" + People.RUN, "host", "shop-01");
        final CiRef lab = new CiRef("ci-lab-" + People.RUN, "host", "lab-01");

        @Override
        public Optional<CiRef> resolve(String id) {
            return List.of(shop, lab).stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public List<CiRef> search(String type, String text, int limit) {
            return List.of(shop, lab);
        }

        @Override
        public Map<String, String> facts(CiRef item) {
            return item.id().equals(shop.id()) ? Map.of("criticality", "high") : Map.of("criticality", "low");
        }
    }

    @Test
    void itemsAreConfirmedWithTheCmdbAndTheirCriticalityCountsInTheRisk() throws Exception {
        People.ensure();
        Changes changes = Osgi.service(Changes.class);
        TwoItems cmdb = new TwoItems();
        ServiceRegistration<ConfigurationItems> reg = Osgi.context().registerService(ConfigurationItems.class, cmdb,
                new Hashtable<>());
        ChangeRequest c;
        try {
            // named by id with a stale name: the CMDB's name is kept
            c = changes.create(People.OPERATOR, ChangeDraft.of(ChangeType.NORMAL, "cmdb",
                    List.of(new CiRef(cmdb.lab.id(), "host", "old-name"), new CiRef(cmdb.shop.id(), "host", "x")))
                    .withSteps(List.of("true"), List.of("true")));
            assertEquals(List.of(cmdb.lab, cmdb.shop), c.draft().items());
            InvalidChangeException unknown = assertThrows(InvalidChangeException.class,
                    () -> changes.create(People.OPERATOR, ChangeDraft.of(ChangeType.NORMAL, "ghost",
                            List.of(new CiRef("ghost-" + People.RUN, "host", "ghost")))));
            assertEquals("items: no configuration item 'ghost-" + People.RUN + "'", unknown.getMessage());

            RiskAssessment risk = changes.assessRisk(People.VIEWER, c.reference());
            assertEquals(List.of("+30 shop-01 is of criticality high", "+10 normal change",
                    "+5 2 configuration items"), risk.reasons());
            assertEquals(45, risk.score());
        } finally {
            reg.unregister();
        }
        // without the CMDB: kept as given, criticality unknown
        ChangeRequest after = changes.create(People.OPERATOR, ChangeDraft.of(ChangeType.NORMAL, "no cmdb",
                List.of(new CiRef("ghost-" + People.RUN, "host", "ghost"))).withSteps(List.of("true"),
                        List.of("true")));
        assertTrue(changes.assessRisk(People.VIEWER, after.reference()).reasons()
                .contains("+10 ghost is of criticality unknown"));
    }
}
