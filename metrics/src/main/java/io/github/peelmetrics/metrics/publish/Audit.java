package io.github.peelmetrics.metrics.publish;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a reader can derive about every hidden value of a publication, and whether that protects
 * the small counts: the audit that travels with a {@link SuppressedTable}.
 *
 * <p><b>The attacker.</b> A reader who holds every number published together (the cells and
 * row, column and grand totals of each table, the tables linked to it — a city-wide table and its
 * by-beat table, earlier cumulative releases of the same table) and knows that counts are
 * non-negative integers and that the tables add up. For each hidden value the audit gives the
 * exact interval {@code [lower, upper]} such a reader can derive by linear programming: the
 * minimum and maximum of the value over every non-negative table that agrees with what was
 * published (the LP relaxation; bounds rounded inward to integers; for a single two-way table
 * with its totals, a network, the bounds are integers and attained). This is the "attacker
 * problem" of Cox ("Suppression methodology and statistical disclosure control", JASA 75 (1980);
 * "Network models for complementary cell suppression", JASA 90 (1995)), Fischetti and Salazar
 * ("Models and algorithms for the 2-dimensional cell suppression problem in statistical
 * disclosure control", Math. Programming 84 (1999)) and Hundepool et al., <i>Statistical
 * Disclosure Control</i> (Wiley 2012), ch. 4.
 *
 * <p><b>The protection rule.</b> With minimum count {@code k}, every hidden count under {@code k}
 * (and every count a reader could obtain by subtracting an earlier release) must have an interval
 * that contains both 0 and {@code k}: the reader cannot tell whether it is zero, small or at least
 * {@code k}. In τ-ARGUS's terms these are protection levels {@code LPL = value} and
 * {@code UPL = k - value}; a hidden zero is protected in the same way, so that the rule itself
 * does not give it away. The rule guards against inference from the published numbers; like
 * every audit of this kind it does not model knowledge from outside them.
 *
 * <p>The audit lists every hidden value with its interval and never says which hidden values are
 * small. Immutable and thread-safe.
 *
 * @param minimumCount the minimum count {@code k} that may be shown
 * @param published    how many numbers were published (cells and totals of every table)
 * @param hidden       every hidden value with the interval a reader can derive
 * @param passed       whether every hidden count under {@code k} has an interval containing 0 and {@code k}
 */
public record Audit(long minimumCount, int published, List<Bound> hidden, boolean passed) {

    /**
     * The interval a reader can derive for one hidden value.
     *
     * @param table  the title of its table
     * @param row    its row label, or {@code "total"} for a column total or the grand total
     * @param column its column label, or {@code "total"} for a row total or the grand total
     * @param lower  the smallest value consistent with what was published
     * @param upper  the largest, empty when nothing published bounds it
     */
    public record Bound(String table, String row, String column, long lower, OptionalLong upper) {

        /** Checks the interval. */
        public Bound {
            Objects.requireNonNull(table, "table of bound must not be null");
            Objects.requireNonNull(row, "row of bound must not be null");
            Objects.requireNonNull(column, "column of bound must not be null");
            Objects.requireNonNull(upper, "upper of bound must not be null");
            if (lower < 0 || (upper.isPresent() && upper.getAsLong() < lower)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bound of (%s, %s) in %s must satisfy 0 <= lower <= upper: [%d, %s]", row, column, table,
                        lower, upper.isPresent() ? Long.toString(upper.getAsLong()) : "unbounded"));
            }
        }

        /** Whether the interval contains both 0 and {@code k}. */
        public boolean contains(long low, long high) {
            return lower <= low && (upper.isEmpty() || upper.getAsLong() >= high);
        }

        /** E.g. {@code (other, B03) in stops: [0, 14]}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "(%s, %s) in %s: [%d, %s]", row, column, table, lower,
                    upper.isPresent() ? Long.toString(upper.getAsLong()) : "unbounded");
        }
    }

    /** Checks and copies. */
    public Audit {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("minimum count of audit must be at least 1: " + minimumCount);
        }
        if (published < 0) {
            throw new IllegalArgumentException("published count of audit must not be negative: " + published);
        }
        hidden = List.copyOf(hidden);
    }

    /** The bound of one hidden value, if it is hidden. */
    public java.util.Optional<Bound> bound(String table, String row, String column) {
        return hidden.stream().filter(b -> b.table().equals(table) && b.row().equals(row) && b.column().equals(column))
                .findFirst();
    }

    /** The audit's statement, e.g. for a caption under the table. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "audit: %d hidden of %d values; bounds by linear programming over every published number with "
                        + "non-negative counts; %s",
                hidden.size(), hidden.size() + published,
                passed ? String.format(Locale.ROOT,
                        "every hidden count under %d could be 0 and could be %d or more: protected", minimumCount,
                        minimumCount)
                        : String.format(Locale.ROOT, "some hidden count under %d is bounded more narrowly than [0, %d]: "
                                + "NOT protected", minimumCount, minimumCount));
    }
}
