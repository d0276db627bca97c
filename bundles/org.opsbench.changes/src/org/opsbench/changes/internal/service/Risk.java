package org.opsbench.changes.internal.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.RiskAssessment;
import org.opsbench.core.CiRef;

/**
 * A change's risk score: the points of each factor, capped at 100, every contribution named.
 * <ul>
 * <li>the most critical item, from the CMDB's fact or attribute {@code criticality} (critical 40, high 30, medium 15,
 * low 5; unknown 10, since an unassessed item is not a safe one);</li>
 * <li>the type: emergency 25, normal 10, standard 0;</li>
 * <li>the number of items: 5 each beyond the first, at most 25;</li>
 * <li>past failures of similar changes (same template, or sharing an item): 10 each, at most 30;</li>
 * <li>no rollback steps: 10.</li>
 * </ul>
 */
public final class Risk {

    private Risk() {
    }

    /** Assesses {@code change}; {@code facts} gives an item's CMDB facts, {@code failed} every change that failed. */
    public static RiskAssessment assess(ChangeRequest change, Function<CiRef, Map<String, String>> facts,
            List<ChangeRequest> failed) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        int worst = -1;
        String worstText = null;
        for (CiRef item : change.draft().items()) {
            Map<String, String> f = facts.apply(item);
            String c = f.getOrDefault("criticality", f.getOrDefault("attribute.criticality", ""))
                    .strip().toLowerCase(Locale.ROOT);
            int points = switch (c) {
                case "critical", "very high", "1" -> 40;
                case "high", "2" -> 30;
                case "medium", "3" -> 15;
                case "low", "4", "5" -> 5;
                default -> 10;
            };
            if (points > worst) {
                worst = points;
                worstText = "+" + points + " " + item.name() + " is of criticality "
                        + (c.isEmpty() ? "unknown" : c);
            }
        }
        if (worstText != null) {
            score += worst;
            reasons.add(worstText);
        }
        int typePoints = switch (change.type()) {
            case EMERGENCY -> 25;
            case NORMAL -> 10;
            case STANDARD -> 0;
        };
        score += typePoints;
        reasons.add("+" + typePoints + " " + change.type().name().toLowerCase(Locale.ROOT) + " change");
        int count = change.draft().items().size();
        if (count > 1) {
            int points = Math.min(25, 5 * (count - 1));
            score += points;
            reasons.add("+" + points + " " + count + " configuration items");
        }
        Set<String> ids = new HashSet<>();
        change.draft().items().forEach(i -> ids.add(i.id()));
        List<String> similar = new ArrayList<>();
        for (ChangeRequest f : failed) {
            if (f.reference().equals(change.reference())) {
                continue;
            }
            boolean sameTemplate = !change.template().isEmpty() && change.template().equals(f.template());
            boolean sharesItem = f.draft().items().stream().anyMatch(i -> ids.contains(i.id()));
            if (sameTemplate || sharesItem) {
                similar.add(f.reference());
            }
        }
        if (!similar.isEmpty()) {
            int points = Math.min(30, 10 * similar.size());
            score += points;
            reasons.add("+" + points + " " + similar.size() + " similar change" + (similar.size() == 1 ? "" : "s")
                    + " failed before: " + String.join(", ", similar.subList(0, Math.min(5, similar.size()))));
        }
        if (change.draft().rollbackSteps().isEmpty()) {
            score += 10;
            reasons.add("+10 no rollback steps");
        }
        score = Math.min(100, score);
        return new RiskAssessment(score, RiskAssessment.levelOf(score), reasons);
    }
}
