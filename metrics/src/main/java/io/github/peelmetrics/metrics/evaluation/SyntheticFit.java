package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One synthetic-control fit of a unit from a donor pool: the treated unit's, or a placebo's (a
 * donor as if treated, its pool the other donors).
 *
 * @param unit      the unit fitted
 * @param weights   the weight of every donor of its pool (0 off the support), in donor order
 * @param support   the donors with positive weight, in donor order
 * @param loss      {@code (X1 − X0 W)' diag(v) (X1 − X0 W)} at the solution
 * @param preRmspe  root mean squared gap over the pre periods
 * @param postRmspe root mean squared gap over the post periods
 * @param ratio     {@code postRmspe / preRmspe}
 */
public record SyntheticFit(String unit, Map<String, Double> weights, List<String> support, double loss,
                           double preRmspe, double postRmspe, double ratio) {

    /** Validates and copies. */
    public SyntheticFit {
        Objects.requireNonNull(unit, "unit of SyntheticFit must not be null");
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        support = List.copyOf(support);
    }

    @Override
    public String toString() {
        return Format.f("%s: post/pre RMSPE %s / %s = %s, support %s", unit, Format.num(postRmspe),
                Format.num(preRmspe), Format.num(ratio), support);
    }
}
