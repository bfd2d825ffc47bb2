package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.EligibilityStep;
import java.util.List;
import java.util.Objects;

/**
 * OPP's eligibility rules applied to one location: every step, in order.
 *
 * @param geography      the location (OPP: {@code "city, state"})
 * @param steps          each rule with the stops and searches it left and dropped, starting with {@link EligibilityRule#INIT}
 * @param eliminated     whether the location was eliminated (no stop left)
 * @param rowsFinal      the stops left
 * @param searchesFinal  the searches left
 */
public record LocationEligibility(String geography, List<EligibilityStep> steps, boolean eliminated, long rowsFinal,
        long searchesFinal) {

    /** Checks and copies. */
    public LocationEligibility {
        Objects.requireNonNull(geography, "geography");
        steps = List.copyOf(steps);
    }

    /** The step of a rule. */
    public EligibilityStep step(EligibilityRule rule) {
        return steps.stream().filter(s -> s.rule() == rule).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + rule + " in " + geography));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(geography).append(eliminated ? ": eliminated" : ": " + rowsFinal
                + " stops, " + searchesFinal + " searches eligible");
        for (EligibilityStep s : steps) {
            sb.append("\n  ").append(s);
        }
        return sb.toString();
    }
}
