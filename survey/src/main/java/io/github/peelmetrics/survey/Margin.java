package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Known population counts of one categorical variable, e.g. the census count of residents per
 * race: the {@code population.margins} data frame of R's {@code rake()} / {@code postStratify()}.
 *
 * <pre>{@code
 * jshell> Margin.of("race", List.of("Black", "White"), new double[] {48848, 456545})
 * race: Black=48848, White=456545 (total 505393)
 * }</pre>
 *
 * @param variable the categorical variable of the sample the margin applies to
 * @param totals   population count per level, in level order (unmodifiable; each positive and finite)
 */
public record Margin(String variable, Map<String, Double> totals) {

    /**
     * Validates: a variable name, at least one level, every count positive and finite.
     *
     * @throws IllegalArgumentException naming the variable, the level and the value otherwise
     */
    public Margin {
        Checks.name("margin variable", variable);
        Objects.requireNonNull(totals, "totals of margin " + variable + " must not be null");
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("margin " + variable + " has no level");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : totals.entrySet()) {
            Checks.name("level of margin " + variable, e.getKey());
            Double v = Objects.requireNonNull(e.getValue(), "population count of " + variable + "=" + e.getKey() + " must not be null");
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(Format.f("population count of %s=%s must be positive and finite: %s",
                        variable, e.getKey(), v));
            }
            copy.put(e.getKey(), v);
        }
        totals = Collections.unmodifiableMap(copy);
    }

    /** A margin from a map of level to population count (iteration order kept). */
    public static Margin of(String variable, Map<String, Double> totals) {
        return new Margin(variable, totals);
    }

    /**
     * A margin from parallel lists of levels and counts.
     *
     * @throws IllegalArgumentException if the lengths differ or a level repeats
     */
    public static Margin of(String variable, List<String> levels, double[] counts) {
        Objects.requireNonNull(levels, "levels must not be null");
        Objects.requireNonNull(counts, "counts must not be null");
        if (levels.size() != counts.length) {
            throw new IllegalArgumentException(Format.f("margin %s: %d levels but %d counts", variable, levels.size(), counts.length));
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < counts.length; k++) {
            if (m.put(levels.get(k), counts[k]) != null) {
                throw new IllegalArgumentException("level " + levels.get(k) + " of margin " + variable + " is listed twice");
            }
        }
        return new Margin(variable, m);
    }

    /** The population total, the sum of the counts. */
    public double total() {
        double s = 0;
        for (double v : totals.values()) {
            s += v;
        }
        return s;
    }

    /** The levels in order. */
    public List<String> levels() {
        return List.copyOf(totals.keySet());
    }

    /**
     * The population count of each of the factor's levels, in the factor's level order. Fails
     * when a sample level has respondents but no count, or a population level has no respondent.
     */
    double[] alignedTo(Factor f) {
        double[] out = new double[f.levelCount()];
        for (int k = 0; k < f.levelCount(); k++) {
            String level = f.levels.get(k);
            Double t = totals.get(level);
            if (t == null) {
                if (f.counts[k] > 0) {
                    throw new IllegalArgumentException(Format.f(
                            "level %s of %s has %d respondents but no population count in the margin (levels %s)",
                            level, variable, f.counts[k], "[" + Checks.list(totals.keySet()) + "]"));
                }
                out[k] = Double.NaN;
            } else {
                if (f.counts[k] == 0) {
                    throw new IllegalArgumentException(Format.f(
                            "population level %s of %s (count %s) has no respondents: an empty cell cannot be weighted up",
                            level, variable, Format.num(t)));
                }
                out[k] = t;
            }
        }
        for (String level : totals.keySet()) {
            if (f.indexOf(level) < 0) {
                throw new IllegalArgumentException(Format.f(
                        "population level %s of %s (count %s) has no respondents: an empty cell cannot be weighted up",
                        level, variable, Format.num(totals.get(level))));
            }
        }
        return out;
    }

    /** The variable, each level's count and the total, as in the example above. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(variable).append(": ");
        boolean first = true;
        for (Map.Entry<String, Double> e : totals.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(Format.num(e.getValue()));
        }
        return sb.append(" (total ").append(Format.num(total())).append(')').toString();
    }
}
