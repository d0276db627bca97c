package org.opsbench.incidents.internal.service;

import java.util.List;
import java.util.Locale;

import org.opsbench.core.CiRef;
import org.opsbench.incidents.internal.store.ProblemAccess;
import org.opsbench.incidents.internal.store.ProblemEntity;
import org.opsbench.incidents.internal.store.Texts;

/** Which published known errors match an incident: all match terms in its text, or a shared CI. */
public final class KnownErrors {

    private KnownErrors() {
    }

    /** The known errors among {@code published} that match an incident with {@code text} and {@code cis}. */
    public static List<ProblemEntity> matching(List<ProblemEntity> published, String text, List<CiRef> cis) {
        String lower = text.toLowerCase(Locale.ROOT);
        return published.stream().filter(p -> {
            List<String> terms = Texts.list(ProblemAccess.terms(p));
            boolean byText = !terms.isEmpty() && terms.stream().allMatch(lower::contains);
            boolean byCi = Texts.cis(ProblemAccess.cis(p)).stream()
                    .anyMatch(ci -> cis.stream().anyMatch(c -> c.id().equals(ci.id())));
            return byText || byCi;
        }).toList();
    }
}
