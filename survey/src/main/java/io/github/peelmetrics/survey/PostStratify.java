package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * Post-stratification of a sample's design weights to known population counts of one
 * categorical variable (use {@link SurveySample#withCrossing} for a crossing of several), as R
 * {@code survey}'s {@code postStratify()}: {@code w_i ← w_i · N_h / Σ_{j∈h} w_j} for the level h
 * of respondent i, so the weights of every level sum exactly to its population count.
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2, 1}).withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"}).withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"}).withNumeric("approve", new double[] {1, 0, 1, 1, 0, 1})
 * SurveySample[n=6, categorical=[race, sex], numeric=[approve]]
 * jshell> var ps = PostStratify.to(Margin.of("race", List.of("Black", "White"), new double[] {40, 60})).fit(s)
 * post-stratified on race (2 levels); Kish n_eff 5.2, deff 1.15
 * jshell> ps.weightedTotals("race")
 * {Black=40.0, White=60.0}
 * jshell> ps.mean("approve")
 * approve: 0.5636 (se 0.1597, 6 of 6 observed, deff 0.5513)
 * }</pre>
 *
 * <p>The result remembers the weights before and after, so that
 * {@link WeightedSample#mean(String)} gives R's linearization variance after post-stratification
 * (Lumley 2010, <i>Complex Surveys</i>, §7.2).
 *
 * <p>A configured weighting step, not a result: {@code fit} returns a {@link WeightedSample}
 * whose diagnostics are the results. Immutable and thread-safe.
 */
public final class PostStratify {

    private final Margin margin;

    private PostStratify(Margin margin) {
        this.margin = margin;
    }

    /** Post-stratification to this margin. */
    public static PostStratify to(Margin margin) {
        return new PostStratify(Objects.requireNonNull(margin, "margin must not be null"));
    }

    /** The margin. */
    public Margin margin() {
        return margin;
    }

    /**
     * Post-stratifies the sample's design weights.
     *
     * @throws IllegalArgumentException if the margin variable is not a categorical variable of the
     *     sample, a sample level has no population count, or a population level has no respondent
     */
    public WeightedSample fit(SurveySample sample) {
        Objects.requireNonNull(sample, "sample must not be null");
        Factor f = sample.factor(margin.variable());
        double[] pop = margin.alignedTo(f);
        double[] base = sample.weightsRef();
        double[] sums = new double[f.levelCount()];
        for (int i = 0; i < base.length; i++) {
            sums[f.codes[i]] += base[i];
        }
        double[] ratio = new double[sums.length];
        for (int h = 0; h < sums.length; h++) {
            ratio[h] = pop[h] / sums[h];
        }
        double[] w = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            w[i] = base[i] * ratio[f.codes[i]];
        }
        Calibration cal = new PostStratCalibration(f.codes, f.levelCount(), base, w);
        String description = Format.f("post-stratified on %s (%d levels); %s", f.name, f.levelCount(), Kish.of(w));
        return WeightedSample.calibrated(sample, w, cal, description, null, null);
    }

    /** {@code PostStratify[}the margin{@code ]}. */
    @Override
    public String toString() {
        return "PostStratify[" + margin + "]";
    }
}
