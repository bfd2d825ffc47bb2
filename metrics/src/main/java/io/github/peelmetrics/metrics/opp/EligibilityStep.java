package io.github.peelmetrics.metrics.opp;

import io.github.peelmetrics.core.internal.Format;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One eligibility rule applied to one location: the stops and searches left and dropped.
 *
 * @param rule                the rule
 * @param rowsAfter           stops left after the rule
 * @param searchesAfter       of which searched ({@code search_conducted} recorded true)
 * @param rowsDropped         stops the rule dropped
 * @param searchesDropped     searches the rule dropped
 * @param removedMonths       the months a month rule dropped, in order (empty for other rules, and when none)
 * @param removedDistricts    the districts {@link EligibilityRule#TOO_FEW_SEARCHES_PER_RACE} dropped (else empty)
 * @param searchBasisCoverage for {@link EligibilityRule#DISCRETIONARY_SEARCHES}: 1 - (share of searches without a
 *                            recorded basis, rounded to 4 places); empty for other rules or when there is no search
 * @param districtsLeft       for {@link EligibilityRule#TOO_FEW_SUBGEOGRAPHIES}: the number of districts left before
 *                            the rule; empty for other rules or when no stop is left
 */
public record EligibilityStep(EligibilityRule rule, long rowsAfter, long searchesAfter, long rowsDropped,
        long searchesDropped, List<YearMonth> removedMonths, List<String> removedDistricts,
        OptionalDouble searchBasisCoverage, OptionalInt districtsLeft) {

    /** Checks and copies. */
    public EligibilityStep {
        Objects.requireNonNull(rule, "rule");
        removedMonths = List.copyOf(removedMonths);
        removedDistricts = List.copyOf(removedDistricts);
        Objects.requireNonNull(searchBasisCoverage, "searchBasisCoverage");
        Objects.requireNonNull(districtsLeft, "districtsLeft");
        if (rowsAfter < 0 || searchesAfter < 0 || rowsDropped < 0 || searchesDropped < 0) {
            throw new IllegalArgumentException("eligibility step counts must not be negative: " + rowsAfter + ", "
                    + searchesAfter + ", " + rowsDropped + ", " + searchesDropped);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f("%-50s %7d stops %6d searches", rule.oppFunction(), rowsAfter,
                searchesAfter));
        if (rowsDropped > 0 || searchesDropped > 0) {
            sb.append(Format.f("  (-%d stops, -%d searches)", rowsDropped, searchesDropped));
        }
        if (!removedMonths.isEmpty()) {
            sb.append(" months ").append(removedMonths);
        }
        if (!removedDistricts.isEmpty()) {
            sb.append(" districts ").append(removedDistricts);
        }
        searchBasisCoverage.ifPresent(c -> sb.append(" basis coverage ").append(Format.num(c)));
        districtsLeft.ifPresent(n -> sb.append(" ").append(n).append(" districts"));
        return sb.toString();
    }
}
