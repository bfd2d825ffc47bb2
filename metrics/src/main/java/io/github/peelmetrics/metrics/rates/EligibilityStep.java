package io.github.peelmetrics.metrics.rates;

import io.github.peelmetrics.core.internal.Checks;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One step of OPP's eligibility rules and the stops it left.
 *
 * @param rule          the OPP function that applies the rule ({@code lib/eligibility.R}), e.g.
 *                      {@code remove_months_with_too_few_stops}
 * @param rowsAfter     stops left after the step
 * @param rowsDropped   stops the step removed
 * @param removedMonths the calendar months the step removed whole (empty for row rules)
 */
public record EligibilityStep(String rule, long rowsAfter, long rowsDropped, List<YearMonth> removedMonths) {

    /** Validates: a rule name, counts not negative, the months copied. */
    public EligibilityStep {
        Checks.name("rule of EligibilityStep", rule);
        if (rowsAfter < 0 || rowsDropped < 0) {
            throw new IllegalArgumentException("counts of EligibilityStep " + rule + " must not be negative: "
                    + rowsAfter + " after, " + rowsDropped + " dropped");
        }
        removedMonths = List.copyOf(Objects.requireNonNull(removedMonths, "removedMonths of EligibilityStep"));
    }

    @Override
    public String toString() {
        return rule + ": " + rowsAfter + " left, " + rowsDropped + " dropped"
                + (removedMonths.isEmpty() ? "" : " (months " + Checks.list(removedMonths) + ")");
    }
}
