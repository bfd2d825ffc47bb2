package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain means of one variable by the levels of a categorical variable, as R {@code survey}'s
 * {@code svyby(~y, ~domain, design, svymean, na.rm = TRUE)}; see
 * {@link WeightedSample#meanBy(String, String)}.
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2}).withFactor("race", List.of("Black", "White", "Asian"), new String[] {"Black", "White", "White", "Black", "White"}).withNumeric("approve", new double[] {1, 0, 1, 1, 0})
 * SurveySample[n=5, categorical=[race], numeric=[approve]]
 * jshell> var by = s.design().meanBy("approve", "race")
 *   race   n  approve      se    deff
 *   Black  2   1.0000  0.0000     NaN
 *   White  3   0.2727  0.2716   1.636
 *   no observed approve: Asian
 * jshell> by.get("White").orElseThrow().estimate()
 * 0.2727272727272727
 * jshell> by.get("Asian")
 * Optional.empty
 * }</pre>
 *
 * <p>A level of the domain variable with no observed value (no respondent, or none who answered)
 * has no estimate: it is listed in {@code emptyLevels}, and {@link #get(String)} answers an empty
 * {@code Optional} for it. A name that is not a level of the domain variable is an error.
 *
 * @param variable    the estimated variable
 * @param domain      the domain (categorical) variable
 * @param means       the mean of every level with an observed value, in level order (unmodifiable)
 * @param emptyLevels the levels of the domain variable with no observed value, in level order
 */
public record DomainMeans(String variable, String domain, Map<String, SurveyMean> means, List<String> emptyLevels) {

    /**
     * Validates and copies: every mean is of {@code variable}, and no level is both estimated and
     * empty.
     */
    public DomainMeans {
        Checks.name("DomainMeans variable", variable);
        Checks.name("DomainMeans domain", domain);
        Objects.requireNonNull(means, "DomainMeans means must not be null");
        Objects.requireNonNull(emptyLevels, "DomainMeans emptyLevels must not be null");
        Map<String, SurveyMean> copy = new LinkedHashMap<>();
        for (Map.Entry<String, SurveyMean> e : means.entrySet()) {
            Checks.name("DomainMeans level", e.getKey());
            SurveyMean m = Objects.requireNonNull(e.getValue(), "DomainMeans mean of " + e.getKey());
            if (!m.variable().equals(variable)) {
                throw new IllegalArgumentException(Format.f("DomainMeans of %s: the mean of level %s is of %s",
                        variable, e.getKey(), m.variable()));
            }
            copy.put(e.getKey(), m);
        }
        means = Collections.unmodifiableMap(copy);
        emptyLevels = List.copyOf(emptyLevels);
        for (String level : emptyLevels) {
            if (means.containsKey(level)) {
                throw new IllegalArgumentException(Format.f("DomainMeans of %s: level %s is both estimated and empty",
                        variable, level));
            }
        }
    }

    /** The levels with an estimate, in level order. */
    public List<String> levels() {
        return List.copyOf(means.keySet());
    }

    /**
     * The mean of one level of the domain variable, empty when the level has no observed value.
     *
     * @throws IllegalArgumentException if {@code level} is not a level of the domain variable (the
     *     message lists the levels)
     */
    public Optional<SurveyMean> get(String level) {
        Objects.requireNonNull(level, "level must not be null");
        SurveyMean m = means.get(level);
        if (m != null) {
            return Optional.of(m);
        }
        if (emptyLevels.contains(level)) {
            return Optional.empty();
        }
        throw unknownLevel(level);
    }

    IllegalArgumentException unknownLevel(String level) {
        List<String> all = new ArrayList<>(means.keySet());
        all.addAll(emptyLevels);
        return new IllegalArgumentException(Format.f("%s is not a level of %s; the levels are %s",
                level, domain, "[" + Checks.list(all) + "]"));
    }

    /** A table of every estimated level with its 95% interval by this method. */
    public DomainTable interval(SurveyProportionMethod method) {
        return interval(method, Interval.DEFAULT_LEVEL);
    }

    /**
     * A table of every estimated level with its interval by this method at this level, as R's
     * {@code svyby(~y, ~domain, design, svyciprop, method = ..., level = ..., vartype = "ci")}: the t
     * quantile of each level has the domain's degrees of freedom ({@link SurveyMean#degreesOfFreedom()}).
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     * @throws IllegalStateException if a level's mean is not in [0, 1] (not a proportion)
     */
    public DomainTable interval(SurveyProportionMethod method, double level) {
        Objects.requireNonNull(method, "survey proportion method must not be null");
        Checks.level(level, "DomainMeans");
        List<DomainTable.Row> rows = new ArrayList<>();
        for (Map.Entry<String, SurveyMean> e : means.entrySet()) {
            rows.add(new DomainTable.Row(e.getKey(), e.getValue(), e.getValue().interval(method, level)));
        }
        return new DomainTable(variable, domain, rows, emptyLevels, method, level);
    }

    /** An aligned table of the levels with n (observed values), estimate, standard error and deff. */
    @Override
    public String toString() {
        int w0 = domain.length();
        for (String level : means.keySet()) {
            w0 = Math.max(w0, level.length());
        }
        int w2 = Math.max(variable.length(), 7);
        String fmt = "  %-" + w0 + "s  %" + Math.max(1, digits()) + "s  %" + w2 + "s  %6s  %6s";
        List<String> lines = new ArrayList<>();
        lines.add(Format.f(fmt, domain, "n", variable, "se", "deff"));
        for (Map.Entry<String, SurveyMean> e : means.entrySet()) {
            SurveyMean m = e.getValue();
            lines.add(Format.f(fmt, e.getKey(), Integer.toString(m.n()), Format.f("%.4f", m.estimate()),
                    Format.f("%.4f", m.standardError()), Format.num(m.deff())));
        }
        if (!emptyLevels.isEmpty()) {
            lines.add("  no observed " + variable + ": " + String.join(", ", emptyLevels));
        }
        return String.join("\n", lines);
    }

    private int digits() {
        int d = 1;
        for (SurveyMean m : means.values()) {
            d = Math.max(d, Integer.toString(m.n()).length());
        }
        return d;
    }
}
