package io.github.peelmetrics.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey sample with its analysis weights and the calibration that made them: R
 * {@code survey}'s single-stage, with-replacement design ({@code svydesign(ids = ~1, weights =
 * ~w)}), possibly post-stratified, raked and trimmed. Make one with
 * {@link SurveySample#design()}, {@link PostStratify#fit}, {@link Rake#fit} or {@link Trim#fit}.
 *
 * <pre>{@code
 * jshell> var w = SurveySample.ofWeights(new double[] {1, 1, 4}).withNumeric("y", new double[] {1, 0, 1}).design()
 * design weights; Kish n_eff 2.0, deff 1.50
 * jshell> w.kish()
 * Kish n_eff 2.0, deff 1.50
 * jshell> w.mean("y")
 * y: 0.8333 (se 0.2205, 3 of 3 observed, deff 1.400)
 * }</pre>
 *
 * <p>Estimates ({@link #mean(String)}, {@link #meanBy(String, String)}) are weighted means over the
 * respondents whose value is not missing, with the linearization (Taylor) standard error after
 * calibration that R {@code survey} 4.1-1 gives (Lumley 2010, <i>Complex Surveys</i>, §2.4, §7):
 * the influence values {@code z_i = w_i (y_i − ȳ)/Σ_S w} (0 for a missing value or outside the
 * domain) are replaced by their residuals after the calibration, and
 * {@code Var = n/(n−1) · Σ_{i=1..n} (e_i − ē)²} over all n respondents. Weights are not
 * recalibrated among the respondents who answered.
 *
 * <p>A weighted sample is a design, the input of estimates (as R's {@code svydesign} object), not
 * a result: it holds a weight per respondent and the calibration, and is not written as JSON.
 * Every figure its {@code toString} prints is in a result record: {@link #kish()},
 * {@link #rakeDiagnostics()}, {@link #trimDiagnostics()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WeightedSample {

    private final SurveySample sample;
    private final double[] weights;
    private final Calibration calibration;
    private final String description;
    private final Optional<RakeDiagnostics> rake;
    private final Optional<TrimDiagnostics> trim;

    private WeightedSample(SurveySample sample, double[] weights, Calibration calibration, String description,
            RakeDiagnostics rake, TrimDiagnostics trim) {
        this.sample = sample;
        this.weights = weights;
        this.calibration = calibration;
        this.description = description;
        this.rake = Optional.ofNullable(rake);
        this.trim = Optional.ofNullable(trim);
    }

    static WeightedSample uncalibrated(SurveySample sample) {
        double[] w = sample.weightsRef();
        return new WeightedSample(sample, w, Calibration.NONE, "design weights; " + Kish.of(w), null, null);
    }

    static WeightedSample calibrated(SurveySample sample, double[] w, Calibration cal, String description,
            RakeDiagnostics rake, TrimDiagnostics trim) {
        return new WeightedSample(sample, w, cal, description, rake, trim);
    }

    WeightedSample trimmed(double[] w, TrimDiagnostics d) {
        return new WeightedSample(sample, w, calibration, description + "; " + d + "; " + Kish.of(w),
                rake.orElse(null), d);
    }

    /**
     * The same weights and calibration over a sample with one more numeric variable (a scale
     * score, a top-box indicator); {@code NaN} marks a missing value.
     */
    public WeightedSample withNumeric(String name, double[] values) {
        return new WeightedSample(sample.withNumeric(name, values), weights, calibration, description,
                rake.orElse(null), trim.orElse(null));
    }

    /** The sample (its design weights, variables and ids). */
    public SurveySample sample() {
        return sample;
    }

    /** The number of respondents. */
    public int size() {
        return weights.length;
    }

    /** A copy of the analysis weights, in respondent order. */
    public double[] weights() {
        return weights.clone();
    }

    double[] weightsRef() {
        return weights;
    }

    /** Kish's effective sample size and design effect of all the weights. */
    public Kish kish() {
        return Kish.of(weights);
    }

    /**
     * Kish's figures over the respondents whose value of a numeric variable is not missing.
     *
     * @throws IllegalArgumentException if the variable is unknown or has no observed value
     */
    public Kish kish(String variable) {
        double[] y = sample.numeric(variable);
        int m = 0;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                m++;
                s += weights[i];
                s2 += weights[i] * weights[i];
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("variable " + variable + " has no observed value");
        }
        return Kish.of(m, s, s2);
    }

    /** The weight total of each level of a categorical variable (R's {@code svytable}). */
    public Map<String, Double> weightedTotals(String variable) {
        Factor f = sample.factor(variable);
        double[] t = new double[f.levelCount()];
        for (int i = 0; i < weights.length; i++) {
            t[f.codes[i]] += weights[i];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < t.length; k++) {
            out.put(f.levels.get(k), t[k]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The raking diagnostics, when these weights come from {@link Rake}. */
    public Optional<RakeDiagnostics> rakeDiagnostics() {
        return rake;
    }

    /** The trimming diagnostics, when these weights were trimmed. */
    public Optional<TrimDiagnostics> trimDiagnostics() {
        return trim;
    }

    /**
     * The weighted mean of a numeric variable (a proportion for a 0/1 variable) over the
     * respondents who answered, with its design-based standard error: R's
     * {@code svymean(~y, design, na.rm = TRUE, deff = TRUE)}.
     *
     * @throws IllegalArgumentException if the variable is unknown
     */
    public SurveyMean mean(String variable) {
        return Linearization.mean(this, variable, sample.numeric(variable), null, -1);
    }

    /**
     * Domain means of a numeric variable by the levels of a categorical variable, as R's
     * {@code svyby(~y, ~domain, design, svymean, na.rm = TRUE)}: each is the mean over the
     * domain's respondents who answered, with influence values 0 outside the domain and the
     * calibration residuals and {@code n/(n−1)} over all n respondents. A level with no observed
     * value (no respondent, or none who answered) has no estimate and is listed in
     * {@link DomainMeans#emptyLevels()}.
     *
     * @throws IllegalArgumentException if a variable is unknown
     */
    public DomainMeans meanBy(String variable, String domain) {
        double[] y = sample.numeric(variable);
        Factor f = sample.factor(domain);
        int[] observed = new int[f.levelCount()];
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                observed[f.codes[i]]++;
            }
        }
        Map<String, SurveyMean> out = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (int k = 0; k < f.levelCount(); k++) {
            if (observed[k] > 0) {
                out.put(f.levels.get(k), Linearization.mean(this, variable, y, f, k));
            } else {
                empty.add(f.levels.get(k));
            }
        }
        return new DomainMeans(variable, domain, out, empty);
    }

    Calibration calibration() {
        return calibration;
    }

    /**
     * What made the weights, with Kish's figures: the {@link RakeDiagnostics} of raking, the
     * {@link TrimDiagnostics} of trimming, as in the examples of {@link Rake} and {@link Trim}.
     */
    @Override
    public String toString() {
        return description;
    }
}
