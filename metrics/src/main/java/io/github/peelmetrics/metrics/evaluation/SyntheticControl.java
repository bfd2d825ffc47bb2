package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Synthetic control for one treated unit (Abadie and Gardeazabal 2003; Abadie, Diamond and
 * Hainmueller 2010, "Synthetic control methods for comparative case studies", JASA 105: 493-505):
 * the treated unit's outcome against a weighted average of donor units whose predictors match
 * the treated unit's before the program.
 *
 * <p>Donor weights {@code W = argmin (X1 − X0 W)' diag(v) (X1 − X0 W)} subject to {@code W ≥ 0},
 * {@code Σ W = 1}, with the predictor weights {@code v} given (not optimized) and predictors as
 * given (no rescaling), solved exactly by an active-set method. The outcome is
 * {@code y/pop·100,000}; {@code synthetic_t = Σ_j W_j Y_jt}; {@code gap = treated − synthetic};
 * RMSPE over the pre and the post periods and their ratio. Inference by placebos: every donor in
 * turn as if treated, its pool the other donors (the treated unit never a donor);
 * {@code rank} = units (treated and donors) whose post/pre ratio is at least the treated unit's,
 * {@code p = rank / units}. Agrees to 1e-6 with the conformance case (quadprog 1.5-8 polished to
 * the exact KKT solution). When two supports fit equally well the weights are not unique and an
 * {@link IllegalStateException} says so. Immutable and thread-safe.
 *
 * @param treatedUnit        the treated unit
 * @param donors             the donor pool, in code-point order
 * @param predictors         the predictor names, in the order of {@code v}
 * @param fit                the treated unit's fit (weights, support, loss, RMSPEs)
 * @param predictorsTreated  the treated unit's predictors
 * @param predictorsSynthetic {@code X0 W}
 * @param periods            the pre then post periods
 * @param treated            the treated unit's outcome per period
 * @param synthetic          the synthetic outcome per period
 * @param gap                {@code treated − synthetic} per period
 * @param placebos           one fit per donor, in donor order
 * @param rank               the treated unit's rank by post/pre RMSPE ratio (1 = largest)
 * @param units              treated plus donors
 * @param pValue             {@code rank / units}
 */
public record SyntheticControl(String treatedUnit, List<String> donors, List<String> predictors, SyntheticFit fit,
                               List<Double> predictorsTreated, List<Double> predictorsSynthetic, List<Integer> periods,
                               List<Double> treated, List<Double> synthetic, List<Double> gap,
                               List<SyntheticFit> placebos, int rank, int units, double pValue) {

    /** Validates and copies. */
    public SyntheticControl {
        Objects.requireNonNull(treatedUnit, "treatedUnit of SyntheticControl must not be null");
        donors = List.copyOf(donors);
        predictors = List.copyOf(predictors);
        Objects.requireNonNull(fit, "fit of SyntheticControl must not be null");
        predictorsTreated = List.copyOf(predictorsTreated);
        predictorsSynthetic = List.copyOf(predictorsSynthetic);
        periods = List.copyOf(periods);
        treated = List.copyOf(treated);
        synthetic = List.copyOf(synthetic);
        gap = List.copyOf(gap);
        placebos = List.copyOf(placebos);
    }

    /**
     * Fits the synthetic control and its placebos.
     *
     * @param treatedUnit    the treated unit
     * @param predictorNames the predictor names
     * @param predictors     every unit's predictor values (treated and donors; every other unit is a donor)
     * @param v              the predictor weights, non-negative, one per predictor
     * @param outcome        counts and populations of every unit in every pre and post period
     * @param prePeriods     the periods before the program
     * @param postPeriods    the periods after it
     */
    public static SyntheticControl fit(String treatedUnit, List<String> predictorNames, Map<String, double[]> predictors,
                                       double[] v, List<PanelCount> outcome, List<Integer> prePeriods,
                                       List<Integer> postPeriods) {
        Objects.requireNonNull(treatedUnit, "treatedUnit");
        int k = predictorNames.size();
        if (v.length != k) {
            throw new IllegalArgumentException(Format.f("SyntheticControl: %d predictor weights for %d predictors",
                    v.length, k));
        }
        for (double x : v) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("SyntheticControl: predictor weights must be non-negative: " + x);
            }
        }
        if (!predictors.containsKey(treatedUnit)) {
            throw Checks.notHeld("SyntheticControl predictors", "unit", treatedUnit, new TreeSet<>(predictors.keySet()));
        }
        List<String> donors = new ArrayList<>(new TreeSet<>(predictors.keySet()));
        donors.remove(treatedUnit);
        if (donors.size() < 2) {
            throw new IllegalArgumentException("SyntheticControl needs at least 2 donors: " + donors);
        }
        for (Map.Entry<String, double[]> e : predictors.entrySet()) {
            if (e.getValue().length != k) {
                throw new IllegalArgumentException(Format.f("SyntheticControl: unit %s has %d predictors, not %d",
                        e.getKey(), e.getValue().length, k));
            }
        }
        List<Integer> periods = new ArrayList<>(prePeriods);
        periods.addAll(postPeriods);
        if (prePeriods.isEmpty() || postPeriods.isEmpty()) {
            throw new IllegalArgumentException("SyntheticControl needs pre and post periods");
        }
        Map<String, double[]> y = new HashMap<>();
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            if (at.put(periods.get(i), i) != null) {
                throw new IllegalArgumentException("SyntheticControl: period " + periods.get(i) + " listed twice");
            }
        }
        for (PanelCount r : outcome) {
            Integer i = at.get(r.period());
            if (i == null || !predictors.containsKey(r.area())) {
                continue;
            }
            y.computeIfAbsent(r.area(), u -> filled(periods.size()))[i] = r.count() / r.population() * 1e5;
        }
        for (String u : predictors.keySet()) {
            double[] yu = y.get(u);
            for (int i = 0; i < periods.size(); i++) {
                if (yu == null || Double.isNaN(yu[i])) {
                    throw new IllegalArgumentException(Format.f("SyntheticControl: unit %s has no outcome in period %d",
                            u, periods.get(i)));
                }
            }
        }
        int pre = prePeriods.size();
        Unit main = fitUnit(treatedUnit, donors, predictors, v, y, pre);
        List<SyntheticFit> placebos = new ArrayList<>();
        for (String d : donors) {
            List<String> pool = new ArrayList<>(donors);
            pool.remove(d);
            placebos.add(fitUnit(d, pool, predictors, v, y, pre).fit);
        }
        int rank = 1;
        for (SyntheticFit p : placebos) {
            rank += p.ratio() >= main.fit.ratio() ? 1 : 0;
        }
        int units = donors.size() + 1;
        List<Double> xs = new ArrayList<>();
        for (double x : main.xSynthetic) {
            xs.add(x);
        }
        List<Double> xt = new ArrayList<>();
        for (double x : predictors.get(treatedUnit)) {
            xt.add(x);
        }
        List<Double> tr = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        List<Double> gp = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            tr.add(y.get(treatedUnit)[i]);
            sy.add(main.synthetic[i]);
            gp.add(y.get(treatedUnit)[i] - main.synthetic[i]);
        }
        return new SyntheticControl(treatedUnit, donors, predictorNames, main.fit, xt, xs, periods, tr, sy, gp,
                placebos, rank, units, (double) rank / units);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private record Unit(SyntheticFit fit, double[] xSynthetic, double[] synthetic) {}

    private static Unit fitUnit(String unit, List<String> pool, Map<String, double[]> predictors, double[] v,
                                Map<String, double[]> y, int pre) {
        int k = v.length;
        int j = pool.size();
        double[][] x0 = new double[k][j];
        for (int d = 0; d < j; d++) {
            double[] p = predictors.get(pool.get(d));
            for (int r = 0; r < k; r++) {
                x0[r][d] = p[r];
            }
        }
        double[] x1 = predictors.get(unit);
        double[] w = SimplexQp.solve(x0, x1, v);
        double[] xs = new double[k];
        double loss = 0;
        for (int r = 0; r < k; r++) {
            double s = 0;
            for (int d = 0; d < j; d++) {
                s += x0[r][d] * w[d];
            }
            xs[r] = s;
            loss += v[r] * (x1[r] - s) * (x1[r] - s);
        }
        double[] yu = y.get(unit);
        double[] syn = new double[yu.length];
        double preSs = 0;
        double postSs = 0;
        for (int t = 0; t < yu.length; t++) {
            double s = 0;
            for (int d = 0; d < j; d++) {
                if (w[d] != 0) {
                    s += w[d] * y.get(pool.get(d))[t];
                }
            }
            syn[t] = s;
            double g = yu[t] - s;
            if (t < pre) {
                preSs += g * g;
            } else {
                postSs += g * g;
            }
        }
        double preR = Math.sqrt(preSs / pre);
        double postR = Math.sqrt(postSs / (yu.length - pre));
        Map<String, Double> weights = new LinkedHashMap<>();
        List<String> support = new ArrayList<>();
        for (int d = 0; d < j; d++) {
            weights.put(pool.get(d), w[d]);
            if (w[d] > 0) {
                support.add(pool.get(d));
            }
        }
        return new Unit(new SyntheticFit(unit, weights, support, loss, preR, postR, postR / preR), xs, syn);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(Format.f("Synthetic control for %s from %d donors: %s%n", treatedUnit,
                donors.size(), fit));
        for (String d : fit.support()) {
            b.append(Format.f("  %-10s weight %.4f%n", d, fit.weights().get(d)));
        }
        b.append(Format.f("placebo rank %d of %d units, p = %s", rank, units, Format.p(pValue)));
        return b.toString();
    }
}
