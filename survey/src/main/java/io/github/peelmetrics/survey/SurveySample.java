package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.SurveyResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A columnar survey sample: one design (base) weight per respondent, categorical variables
 * stored as level codes, and numeric variables (item answers, 0/1 outcomes) with missing values.
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3}).withIds(List.of("R-1", "R-2", "R-3", "R-4")).withFactor("race", new String[] {"Black", "White", "White", "Black"}).withNumeric("approve", new double[] {1, 0, Double.NaN, 1})
 * SurveySample[n=4, categorical=[race], numeric=[approve]]
 * jshell> s.counts("race")
 * {Black=2, White=2}
 * jshell> s.nonMissing("approve")
 * 3
 * jshell> s.design().mean("approve")
 * approve: 0.6667 (se 0.3271, 3 of 4 observed, deff 1.926)
 * }</pre>
 *
 * <p>Build it from {@link SurveyResponse} records with {@link #of(List, String...)}, or straight
 * from arrays with {@link #ofWeights(double[])} and the {@code with...} methods. Each
 * {@code with...} call returns a new sample that shares the columns already present; arrays
 * passed in are copied, arrays handed out are copies, so a sample never changes.
 *
 * <p>A missing numeric value is {@code NaN} (as R's {@code NA}); categorical variables have no
 * missing values: code an unrecorded value as an explicit level such as {@code "unknown"}.
 *
 * <p>A sample is data, the input of weighting and estimates, not a result: it is not written as
 * JSON. Immutable and thread-safe.
 */
public final class SurveySample {

    private final double[] weights;
    private final List<String> ids;
    private final Map<String, Factor> factors;
    private final Map<String, double[]> numerics;

    private SurveySample(double[] weights, List<String> ids, Map<String, Factor> factors,
            Map<String, double[]> numerics) {
        this.weights = weights;
        this.ids = ids;
        this.factors = factors;
        this.numerics = numerics;
    }

    /**
     * A sample of {@code weights.length} respondents with these design weights, ids
     * {@code "1".."n"}, and no variables yet.
     *
     * @throws IllegalArgumentException if there is no respondent or a weight is not positive and
     *     finite (the message names the respondent and the value)
     */
    public static SurveySample ofWeights(double[] weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        if (weights.length == 0) {
            throw new IllegalArgumentException("a survey sample needs at least one respondent: 0 weights given");
        }
        List<String> ids = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            ids.add(Integer.toString(i + 1));
        }
        double[] w = weights.clone();
        checkWeights(w, ids);
        return new SurveySample(w, Collections.unmodifiableList(ids), Map.of(), Map.of());
    }

    /**
     * A sample built from survey responses: the design weight of each response, the categorical
     * variables named (as {@link SurveyResponse#variable(String)} reads them: {@code race},
     * {@code sex}, {@code age_group}, {@code beat}, {@code wave} or an attribute), and one numeric
     * variable per item answered by anyone (the answer as recorded, a Likert point or a 0-100
     * score alike), missing ({@code NaN}) where a respondent left it out.
     * Levels are kept in the order they first appear; use {@link #withLevelOrder} to reorder.
     *
     * @throws IllegalArgumentException if the list is empty or a response lacks a named variable
     *     (a response without a wave when {@code wave} is named)
     */
    public static SurveySample of(List<SurveyResponse> responses, String... categoricals) {
        Objects.requireNonNull(responses, "responses must not be null");
        Objects.requireNonNull(categoricals, "categoricals must not be null");
        int n = responses.size();
        if (n == 0) {
            throw new IllegalArgumentException("a survey sample needs at least one respondent: no responses given");
        }
        double[] w = new double[n];
        List<String> ids = new ArrayList<>(n);
        TreeSet<String> items = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            SurveyResponse r = Objects.requireNonNull(responses.get(i), "response " + i + " must not be null");
            w[i] = r.weight();
            ids.add(r.id());
            items.addAll(r.answers().keySet());
        }
        SurveySample s = new SurveySample(w, Collections.unmodifiableList(ids), Map.of(), Map.of());
        for (String name : categoricals) {
            Checks.name("categorical variable name", name);
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                SurveyResponse r = responses.get(i);
                Optional<String> v = r.variable(name);
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(name.equals("wave")
                            ? "respondent " + r.id() + " has no wave: a sample with a wave variable needs the wave of every "
                                    + "response (read a wave column, or set the wave of a one-wave file)"
                            : "respondent " + r.id() + " has no value for variable " + name);
                }
                values[i] = v.get();
            }
            s = s.withFactor(name, values);
        }
        for (String item : items) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                Double a = responses.get(i).answers().get(item);
                values[i] = a == null ? Double.NaN : a;
            }
            s = s.withNumericNoCopy(item, values);
        }
        return s;
    }

    /**
     * A collector of survey responses into a sample, as {@link #of(List, String...)}; for example
     * {@code SurveyResponse.byWave(responses).get("2016").stream().collect(SurveySample.collector("race", "sex"))}
     * (which fails on a response without a wave instead of leaving it out).
     */
    public static Collector<SurveyResponse, ?, SurveySample> collector(String... categoricals) {
        String[] names = categoricals.clone();
        return Collectors.collectingAndThen(Collectors.toList(), list -> of(list, names));
    }

    /**
     * A copy with these respondent ids (used in error messages and kept for the user).
     *
     * @throws IllegalArgumentException if the count differs from the sample size or an id is blank
     */
    public SurveySample withIds(List<String> newIds) {
        Objects.requireNonNull(newIds, "ids must not be null");
        if (newIds.size() != size()) {
            throw new IllegalArgumentException(Format.f("ids: %d given for %d respondents", newIds.size(), size()));
        }
        for (int i = 0; i < newIds.size(); i++) {
            Checks.name("id of respondent " + (i + 1), newIds.get(i));
        }
        return new SurveySample(weights, List.copyOf(newIds), factors, numerics);
    }

    /**
     * A copy with a categorical variable; its levels are the distinct values in order of first
     * appearance.
     *
     * @throws IllegalArgumentException if the length differs from the sample size or a value is blank
     */
    public SurveySample withFactor(String name, String[] values) {
        Objects.requireNonNull(values, "values of " + name + " must not be null");
        List<String> levels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(Format.f(
                        "value of %s for respondent %s must not be blank or null (use an explicit level such as \"unknown\"): %s",
                        name, i < ids.size() ? ids.get(i) : Integer.toString(i + 1), v == null ? "null" : "\"" + v + "\""));
            }
            if (seen.putIfAbsent(v, levels.size()) == null) {
                levels.add(v);
            }
        }
        return withFactor(name, levels, values);
    }

    /**
     * A copy with a categorical variable whose levels are given in order (levels may have no
     * respondent).
     *
     * @throws IllegalArgumentException if the length differs from the sample size, a level
     *     repeats, or a value is not one of the levels
     */
    public SurveySample withFactor(String name, List<String> levels, String[] values) {
        Checks.name("variable name", name);
        Objects.requireNonNull(levels, "levels of " + name + " must not be null");
        Objects.requireNonNull(values, "values of " + name + " must not be null");
        checkLength(name, values.length);
        Map<String, Integer> index = new HashMap<>();
        for (String l : levels) {
            Checks.name("level of " + name, l);
            if (index.put(l, index.size()) != null) {
                throw new IllegalArgumentException("level " + l + " of " + name + " is listed twice");
            }
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            Integer c = values[i] == null ? null : index.get(values[i]);
            if (c == null) {
                throw new IllegalArgumentException(Format.f("value of %s for respondent %s is not one of the levels %s: %s",
                        name, ids.get(i), "[" + Checks.list(levels) + "]", values[i]));
            }
            codes[i] = c;
        }
        return withFactor(new Factor(name, levels, codes));
    }

    /**
     * A copy in which the levels of a categorical variable follow the given order (it must list
     * every level that occurs, and may add levels with no respondent).
     *
     * @throws IllegalArgumentException if the variable is unknown or a present level is not listed
     */
    public SurveySample withLevelOrder(String name, List<String> levels) {
        Factor f = factor(name);
        String[] values = new String[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.levels.get(f.codes[i]);
        }
        return withFactor(name, levels, values);
    }

    /**
     * A copy with a categorical variable that crosses two or more others: its levels read
     * {@code "a:b"} (as R's {@code interaction}), in the order of the first variable's levels,
     * then the second's, and so on; only combinations that occur are levels.
     */
    public SurveySample withCrossing(String name, String... variables) {
        Objects.requireNonNull(variables, "variables must not be null");
        if (variables.length < 2) {
            throw new IllegalArgumentException("a crossing needs at least two variables: " + Arrays.toString(variables));
        }
        Factor[] fs = new Factor[variables.length];
        for (int k = 0; k < fs.length; k++) {
            fs[k] = factor(variables[k]);
        }
        TreeSet<List<Integer>> present = new TreeSet<>((a, b) -> {
            for (int k = 0; k < a.size(); k++) {
                int c = Integer.compare(a.get(k), b.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        String[] values = new String[size()];
        for (int i = 0; i < values.length; i++) {
            List<Integer> key = new ArrayList<>(fs.length);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < fs.length; k++) {
                key.add(fs[k].codes[i]);
                if (k > 0) {
                    sb.append(':');
                }
                sb.append(fs[k].levels.get(fs[k].codes[i]));
            }
            present.add(key);
            values[i] = sb.toString();
        }
        List<String> levels = new ArrayList<>();
        for (List<Integer> key : present) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < fs.length; k++) {
                if (k > 0) {
                    sb.append(':');
                }
                sb.append(fs[k].levels.get(key.get(k)));
            }
            levels.add(sb.toString());
        }
        return withFactor(name, levels, values);
    }

    /**
     * A copy with a numeric variable; {@code NaN} marks a missing value.
     *
     * @throws IllegalArgumentException if the length differs from the sample size or a value is infinite
     */
    public SurveySample withNumeric(String name, double[] values) {
        Objects.requireNonNull(values, "values of " + name + " must not be null");
        return withNumericNoCopy(name, values.clone());
    }

    SurveySample withNumericNoCopy(String name, double[] values) {
        Checks.name("variable name", name);
        checkLength(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(Format.f("value of %s for respondent %s must be finite or NaN (missing): %s",
                        name, ids.get(i), values[i]));
            }
        }
        if (factors.containsKey(name)) {
            throw new IllegalArgumentException("variable " + name + " is already categorical");
        }
        Map<String, double[]> m = new LinkedHashMap<>(numerics);
        m.put(name, values);
        return new SurveySample(weights, ids, factors, Collections.unmodifiableMap(m));
    }

    private SurveySample withFactor(Factor f) {
        if (numerics.containsKey(f.name)) {
            throw new IllegalArgumentException("variable " + f.name + " is already numeric");
        }
        Map<String, Factor> m = new LinkedHashMap<>(factors);
        m.put(f.name, f);
        return new SurveySample(weights, ids, Collections.unmodifiableMap(m), numerics);
    }

    /** The number of respondents. */
    public int size() {
        return weights.length;
    }

    /** A copy of the design weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** The respondent ids, in order (unmodifiable). */
    public List<String> ids() {
        return ids;
    }

    /** The names of the categorical variables, in the order they were added. */
    public List<String> categoricalNames() {
        return List.copyOf(factors.keySet());
    }

    /** The names of the numeric variables, in the order they were added. */
    public List<String> numericNames() {
        return List.copyOf(numerics.keySet());
    }

    /** The levels of a categorical variable, in order. */
    public List<String> levels(String name) {
        return factor(name).levels;
    }

    /** The level of a categorical variable for respondent {@code i} (0-based). */
    public String level(String name, int i) {
        Factor f = factor(name);
        Objects.checkIndex(i, size());
        return f.levels.get(f.codes[i]);
    }

    /** The number of respondents at each level of a categorical variable, in level order. */
    public Map<String, Integer> counts(String name) {
        Factor f = factor(name);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int k = 0; k < f.levelCount(); k++) {
            m.put(f.levels.get(k), f.counts[k]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** A copy of a numeric variable ({@code NaN} = missing). */
    public double[] values(String name) {
        return numeric(name).clone();
    }

    /** The value of a numeric variable for respondent {@code i}, empty when missing. */
    public OptionalDouble value(String name, int i) {
        double v = numeric(name)[Objects.checkIndex(i, size())];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The number of respondents whose value of a numeric variable is not missing. */
    public int nonMissing(String name) {
        int m = 0;
        for (double v : numeric(name)) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        return m;
    }

    /**
     * The sample under its design weights, uncalibrated: R's
     * {@code svydesign(ids = ~1, weights = ~w)}.
     */
    public WeightedSample design() {
        return WeightedSample.uncalibrated(this);
    }

    Factor factor(String name) {
        Factor f = factors.get(Objects.requireNonNull(name, "variable name must not be null"));
        if (f == null) {
            throw new IllegalArgumentException("no categorical variable " + name + " in the sample; it has "
                    + "[" + Checks.list(factors.keySet()) + "]");
        }
        return f;
    }

    double[] numeric(String name) {
        double[] v = numerics.get(Objects.requireNonNull(name, "variable name must not be null"));
        if (v == null) {
            throw new IllegalArgumentException("no numeric variable " + name + " in the sample; it has "
                    + "[" + Checks.list(numerics.keySet()) + "]");
        }
        return v;
    }

    double[] weightsRef() {
        return weights;
    }

    private void checkLength(String name, int length) {
        if (length != size()) {
            throw new IllegalArgumentException(Format.f("variable %s has %d values for %d respondents", name, length, size()));
        }
    }

    static void checkWeights(double[] w, List<String> ids) {
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException(Format.f("weight of respondent %s must be positive and finite: %s", ids.get(i), w[i]));
            }
        }
    }

    /** The size and the variable names: {@code SurveySample[n=..., categorical=[...], numeric=[...]]}. */
    @Override
    public String toString() {
        return "SurveySample[n=" + size() + ", categorical=" + factors.keySet() + ", numeric=" + numerics.keySet() + "]";
    }
}
