package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.metrics.opp.EligibilityStep;
import java.util.List;
import java.util.Objects;

/**
 * The veil of darkness test after the Stanford Open Policing Project's eligibility steps
 * ({@link VeilOfDarkness#testWithOppRules}): every step with the stops it kept and dropped, then the
 * test on the stops left.
 *
 * @param steps  each step in OPP's order, {@link io.github.peelmetrics.metrics.opp.EligibilityRule#INIT}
 *               first, the last one leaving the stops of the model
 * @param result the test on the stops the steps kept
 */
public record OppVeilOfDarknessResult(List<EligibilityStep> steps, VeilOfDarknessResult result) {

    /** Checks and copies. */
    public OppVeilOfDarknessResult {
        steps = List.copyOf(steps);
        Objects.requireNonNull(result, "result of OPP veil of darkness result must not be null");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps of OPP veil of darkness result must not be empty");
        }
    }

    /** The steps, one per line, then the test. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OPP's eligibility steps for the veil of darkness:")
                .append(System.lineSeparator());
        for (EligibilityStep s : steps) {
            sb.append("  ").append(s).append(System.lineSeparator());
        }
        return sb.append(result).toString();
    }
}
