package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain means with an interval each, from {@link DomainMeans#interval}, as R's
 * {@code svyby(~y, ~domain, design, svyciprop, method = ..., vartype = "ci")}: each domain's t
 * quantile has that domain's degrees of freedom (its respondents − 1: 2 for each domain of three
 * below), so small domains get wide intervals; {@code toString} prints a small aligned table:
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2, 1}).withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"}).withNumeric("approve", new double[] {1, 0, 1, 1, 0, 0})
 * SurveySample[n=6, categorical=[race], numeric=[approve]]
 * jshell> s.design().meanBy("approve", "race").interval(SurveyProportionMethod.LOGIT)
 *   race        n  approve  95% CI (logit)      se
 *   Black       3  0.8000   [0.0097, 0.9994]    0.2234
 *   White       3  0.2727   [0.0012, 0.9918]    0.2661
 * }</pre>
 *
 * @param variable    the estimated variable
 * @param domain      the domain variable
 * @param rows        one row per estimated domain level, in level order (unmodifiable)
 * @param emptyLevels the levels of the domain variable with no observed value (no row)
 * @param method      the interval method
 * @param level       the confidence level
 */
public record DomainTable(String variable, String domain, List<Row> rows, List<String> emptyLevels,
        SurveyProportionMethod method, double level) {

    /** Validates and copies the lists. */
    public DomainTable {
        Checks.name("DomainTable variable", variable);
        Checks.name("DomainTable domain", domain);
        Objects.requireNonNull(method, "DomainTable method must not be null");
        Checks.level(level, "DomainTable");
        rows = List.copyOf(rows);
        emptyLevels = List.copyOf(emptyLevels);
    }

    /**
     * One domain level.
     *
     * @param level    the domain level
     * @param mean     its mean
     * @param interval its interval
     */
    public record Row(String level, SurveyMean mean, Interval interval) {
        /** Checks for nulls. */
        public Row {
            Checks.name("DomainTable.Row level", level);
            Objects.requireNonNull(mean, "DomainTable.Row mean must not be null");
            Objects.requireNonNull(interval, "DomainTable.Row interval must not be null");
        }
    }

    /**
     * The row of one level of the domain variable, empty when the level has no observed value.
     *
     * @throws IllegalArgumentException if {@code level} is not a level of the domain variable (the
     *     message lists the levels)
     */
    public Optional<Row> row(String level) {
        Objects.requireNonNull(level, "level must not be null");
        for (Row r : rows) {
            if (r.level().equals(level)) {
                return Optional.of(r);
            }
        }
        if (emptyLevels.contains(level)) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>();
        rows.forEach(r -> all.add(r.level()));
        all.addAll(emptyLevels);
        throw new IllegalArgumentException(Format.f("%s is not a level of %s; the levels are %s",
                level, domain, "[" + Checks.list(all) + "]"));
    }

    /** The aligned table (lines separated by {@code \n}, no final line break). */
    @Override
    public String toString() {
        String ciHead = Format.f("%s%% CI (%s)", Format.num(level * 100), method.rName());
        int w0 = domain.length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.level().length());
        }
        int w2 = Math.max(variable.length(), 7);
        int w3 = Math.max(ciHead.length(), 18);
        String fmt = "  %-" + w0 + "s  %6s  %-" + w2 + "s  %-" + w3 + "s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(Format.f(fmt, domain, "n", variable, ciHead, "se"));
        for (Row r : rows) {
            Interval ci = r.interval();
            lines.add(Format.f(fmt, r.level(), Integer.toString(r.mean().n()), Format.f("%.4f", r.mean().estimate()),
                    Format.f("[%.4f, %.4f]", ci.lower(), ci.upper()), Format.f("%.4f", r.mean().standardError())));
        }
        List<String> degenerate = new ArrayList<>();
        for (Row r : rows) {
            double p = r.mean().estimate();
            if (p == 0 || p == 1) {
                degenerate.add(r.level() + " (p = " + (int) p + ")");
            }
        }
        if (!degenerate.isEmpty()) {
            lines.add("  degenerate (every answer the same, se 0): " + String.join(", ", degenerate)
                    + (method == SurveyProportionMethod.BETA ? "; Korn-Graubard bound with n* = n"
                            : "; the beta (Korn-Graubard) method gives a bound"));
        }
        if (!emptyLevels.isEmpty()) {
            lines.add("  no observed " + variable + ": " + String.join(", ", emptyLevels));
        }
        return String.join("\n", lines);
    }
}
