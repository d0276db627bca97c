package org.opsbench.incidents;

import java.util.List;

/**
 * The editable fields of a problem.
 *
 * @param title
 *            one line, required
 * @param description
 *            free text
 * @param rootCause
 *            root cause, may be empty until known
 * @param workaround
 *            workaround, required to publish a known error
 * @param matchTerms
 *            words that identify matching incidents
 * @param ciIds
 *            affected CI ids
 */
public record ProblemDraft(String title, String description, String rootCause, String workaround,
        List<String> matchTerms, List<String> ciIds) {

    /** Normalizes. */
    public ProblemDraft {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description;
        rootCause = rootCause == null ? "" : rootCause.strip();
        workaround = workaround == null ? "" : workaround.strip();
        matchTerms = matchTerms == null
                ? List.of()
                : matchTerms.stream().map(t -> t.strip().toLowerCase()).filter(t -> !t.isEmpty()).toList();
        ciIds = ciIds == null ? List.of() : List.copyOf(ciIds);
    }
}
