package org.opsbench.incidents;

import java.time.Instant;
import java.util.List;

import org.opsbench.core.CiRef;

/**
 * A problem: the unknown cause of one or more incidents; with a root cause and a workaround it becomes a known error.
 *
 * @param reference
 *            {@code PRB-000001}
 * @param title
 *            one line
 * @param description
 *            free text
 * @param rootCause
 *            what causes it, possibly empty
 * @param workaround
 *            how to restore service meanwhile, possibly empty
 * @param knownError
 *            whether it is published as a known error (then new incidents matching it show the workaround)
 * @param matchTerms
 *            words a new incident's title or description must all contain to match the known error (lower case); empty
 *            means: match by affected CI only
 * @param cis
 *            affected configuration items
 * @param closed
 *            whether the problem is closed (fixed for good)
 * @param incidents
 *            references of the linked incidents
 * @param updated
 *            last change
 */
public record Problem(String reference, String title, String description, String rootCause, String workaround,
        boolean knownError, List<String> matchTerms, List<CiRef> cis, boolean closed, List<String> incidents,
        Instant updated) {

    /** Copies. */
    public Problem {
        matchTerms = List.copyOf(matchTerms);
        cis = List.copyOf(cis);
        incidents = List.copyOf(incidents);
    }
}
