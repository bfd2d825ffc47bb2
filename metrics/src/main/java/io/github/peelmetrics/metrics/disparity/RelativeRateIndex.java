package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The relative rate index matrix across the {@linkplain DecisionPoint decision points} stop →
 * search → arrest: for each group, the rate at each point (over those who reached the point
 * before) and its ratio to the reference group's rate at the same point.
 *
 * <p>{@code RRI(g, d) = rate(g, d) / rate(reference, d)}, as the OJJDP juvenile-justice RRI
 * matrix (DMC Technical Assistance Manual, 4th ed., 2009). Peel adds an interval to each index:
 * at {@link DecisionPoint#STOP} a Poisson rate ratio (stops are events: Wald, epitools
 * {@code rateratio.wald}), at the later stages a Katz log interval (epitools {@code riskratio.wald}
 * on events out of the previous stage's count), so an index can be read with its uncertainty.
 * The stages nest (each counts among those who reached the one before) and are labelled by
 * {@link DecisionPoint#label()}. Force is not a stage (it is not nested in arrests after a search):
 * see {@link DisparityRow#forceRateRatio()} and {@link DisparityRow#forcePerArrestRatio()}. Empty where a rate's denominator is zero or the
 * population is unknown; the {@link Category#UNKNOWN} group is not in the matrix.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reference the reference group (index 1 at every point)
 * @param rates     per group (reference included, in table order), the rate at each decision point
 *                  per {@link DecisionPoint#per()}; empty where its denominator is zero or unknown
 * @param indices   per group, the index at each decision point; empty for the reference group and
 *                  where a rate is not defined
 */
public record RelativeRateIndex(Category reference, Map<Category, Map<DecisionPoint, OptionalDouble>> rates,
                                Map<Category, Map<DecisionPoint, Optional<RatioEstimate>>> indices) {

    /** Checks that rates and indices have the same groups and every decision point; copies them. */
    public RelativeRateIndex {
        Objects.requireNonNull(reference, "reference of relative rate index must not be null");
        rates = copy("rates", rates);
        indices = copy("indices", indices);
        if (!rates.keySet().equals(indices.keySet())) {
            throw new IllegalArgumentException("rates and indices of relative rate index must have the same groups: "
                    + rates.keySet() + ", " + indices.keySet());
        }
    }

    private static <T> Map<Category, Map<DecisionPoint, T>> copy(String what, Map<Category, Map<DecisionPoint, T>> m) {
        Objects.requireNonNull(m, what + " of relative rate index must not be null");
        Map<Category, Map<DecisionPoint, T>> out = new LinkedHashMap<>();
        m.forEach((g, byPoint) -> {
            Objects.requireNonNull(g, "a group of the " + what + " of relative rate index is null");
            Objects.requireNonNull(byPoint, what + " of " + g + " in relative rate index must not be null");
            EnumMap<DecisionPoint, T> e = new EnumMap<>(DecisionPoint.class);
            for (DecisionPoint d : DecisionPoint.values()) {
                e.put(d, Objects.requireNonNull(byPoint.get(d),
                        () -> what + " of " + g.code() + " at " + d + " in relative rate index must not be null"));
            }
            out.put(g, Collections.unmodifiableMap(e));
        });
        return Collections.unmodifiableMap(out);
    }

    /** The groups of the matrix, reference included, in table order. */
    public List<Category> groups() {
        return List.copyOf(rates.keySet());
    }

    /**
     * The rate of a group at a decision point, per {@link DecisionPoint#per()}; empty when its
     * denominator is zero or unknown.
     *
     * @throws IllegalArgumentException if the group is not in the matrix, listing those that are
     */
    public OptionalDouble rate(Category group, DecisionPoint point) {
        return row(rates, group).get(Objects.requireNonNull(point, "decision point must not be null"));
    }

    /**
     * The relative rate index of a group at a decision point (empty for the reference group and
     * where a rate is not defined).
     *
     * @throws IllegalArgumentException if the group is not in the matrix, listing those that are
     */
    public Optional<RatioEstimate> index(Category group, DecisionPoint point) {
        return row(indices, group).get(Objects.requireNonNull(point, "decision point must not be null"));
    }

    private static <T> Map<DecisionPoint, T> row(Map<Category, Map<DecisionPoint, T>> m, Category group) {
        Objects.requireNonNull(group, "group must not be null");
        Map<DecisionPoint, T> r = m.get(group);
        if (r == null) {
            throw Checks.notHeld("relative rate index matrix", "group", group.code(),
                    m.keySet().stream().map(Category::code).toList());
        }
        return r;
    }

    /** The matrix: one line per group, rate and index at each decision point. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Relative rate index vs %s%n", reference.code()));
        sb.append(String.format(Locale.ROOT, "  %-24s", "group"));
        for (DecisionPoint d : DecisionPoint.values()) {
            sb.append(String.format(Locale.ROOT, " %24s", d.label()))
                    .append(String.format(Locale.ROOT, " %6s", "RRI"));
        }
        sb.append(System.lineSeparator());
        for (Category g : rates.keySet()) {
            sb.append(String.format(Locale.ROOT, "  %-24s", g.code()));
            for (DecisionPoint d : DecisionPoint.values()) {
                sb.append(String.format(Locale.ROOT, " %24s", Format.cell(rates.get(g).get(d))));
                Optional<RatioEstimate> i = indices.get(g).get(d);
                sb.append(String.format(Locale.ROOT, " %6s", g.equals(reference) ? "1" : Tables.ratio(i)));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}
