package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raking (iterative proportional fitting) of a sample's design weights to known population
 * margins, as R {@code survey}'s {@code rake()} (Lumley 2010, <i>Complex Surveys</i>, §7.3;
 * Deming and Stephan 1940).
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2, 1}).withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"}).withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"}).withNumeric("approve", new double[] {1, 0, 1, 1, 0, 1})
 * SurveySample[n=6, categorical=[race, sex], numeric=[approve]]
 * jshell> var rake = Rake.to(Margin.of("race", List.of("Black", "White"), new double[] {40, 60}), Margin.of("sex", List.of("F", "M"), new double[] {52, 48})).strict()
 * Rake[race, sex; epsilon 1e-12, maxSweeps 1000, strict]
 * jshell> var raked = rake.fit(s)
 * raked to 2 margins in 19 sweeps, largest margin error 1.1e-12; Kish n_eff 5.2, deff 1.16
 * jshell> raked.weightedTotals("sex")
 * {F=52.0, M=47.99999999999999}
 * jshell> raked.mean("approve")
 * approve: 0.5881 (se 0.1008, 6 of 6 observed, deff 0.2231)
 * }</pre>
 *
 * <p><b>Algorithm.</b> Each sweep post-stratifies to every margin in the order given:
 * {@code w_i ← w_i · N_h / Σ_{j∈h} w_j} for the level h of respondent i. After each sweep the
 * change {@code δ = max |T_new − T_old|} is taken over the joint weighted table T of all the
 * margin variables (the first comparison is against the design-weight table). Raking stops when
 * {@code δ < ε}, where {@code ε = epsilon · Σ design weights} if {@code epsilon < 1} and
 * {@code ε = epsilon} otherwise (R's rule), or after {@code maxSweeps} sweeps. In
 * {@linkplain #strict() strict} mode ε is {@code 1e-12} times the population total instead: R's
 * rule ties ε to the design weights, so where they sum to much less than the population ε can
 * fall below the rounding of the cell totals and raking can never stop.
 *
 * <p><b>Cells.</b> Every weight is its design weight times a factor that depends only on the
 * respondent's cell of the cross-classification, so the sweeps run on the distinct cells (at most
 * the product of the level counts); the rows are read twice, to find the cells and to write the
 * final weights. No sweep allocates memory proportional to the number of respondents.
 *
 * <p><b>Settings.</b> {@link #to(Margin...)} starts from R's defaults ({@code maxit = 10},
 * {@code epsilon = 1}: "less than one person per joint cell", reporting non-convergence in the
 * diagnostics as R warns). {@link #strict()} asks for {@code epsilon = 1e-12} within 1000 sweeps
 * and fails if that is not reached.
 *
 * <p><b>Standard errors.</b> The result remembers the per-margin weights of the last sweep, so
 * that {@link WeightedSample#mean(String)} gives R's linearization variance after raking.
 *
 * <p>A configured weighting step, not a result: {@code fit} returns a {@link WeightedSample}
 * whose diagnostics are the results. Immutable and thread-safe.
 */
public final class Rake {

    /** R's default {@code control$maxit}. */
    public static final int R_DEFAULT_MAX_SWEEPS = 10;
    /** R's default {@code control$epsilon}. */
    public static final double R_DEFAULT_EPSILON = 1.0;
    /** The tolerance of {@link #strict()}. */
    public static final double STRICT_EPSILON = 1e-12;
    /** The sweep cap of {@link #strict()}. */
    public static final int STRICT_MAX_SWEEPS = 1000;

    /** The largest relative margin error that {@link #strict()} accepts. */
    public static final double STRICT_MARGIN_ERROR = 1e-8;

    private static final int DIRECT_CELL_LIMIT = 1 << 22;

    private final List<Margin> margins;
    /** The sweep cap set with {@link #maxSweeps(int)}, or 0 for the default of the mode. */
    private final int maxSweepsSet;
    /** The tolerance set with {@link #epsilon(double)}, or NaN for the default of the mode. */
    private final double epsilonSet;
    private final boolean requireConvergence;
    private final int maxSweeps;
    private final double epsilon;

    private Rake(List<Margin> margins, int maxSweepsSet, double epsilonSet, boolean requireConvergence) {
        this.margins = margins;
        this.maxSweepsSet = maxSweepsSet;
        this.epsilonSet = epsilonSet;
        this.requireConvergence = requireConvergence;
        this.maxSweeps = maxSweepsSet > 0 ? maxSweepsSet : requireConvergence ? STRICT_MAX_SWEEPS : R_DEFAULT_MAX_SWEEPS;
        this.epsilon = !Double.isNaN(epsilonSet) ? epsilonSet : requireConvergence ? STRICT_EPSILON : R_DEFAULT_EPSILON;
    }

    /** The absolute tolerance: strict mode against the population total, else R's rule. */
    private double absoluteEpsilon(double baseTotal) {
        if (requireConvergence) {
            return epsilon * margins.get(0).total();
        }
        return epsilon < 1 ? epsilon * baseTotal : epsilon;
    }

    /**
     * Raking to these margins, in this order, with R's defaults.
     *
     * @throws IllegalArgumentException if there is no margin, a variable repeats, or the margin
     *     totals disagree by more than 1e-9 relative
     */
    public static Rake to(Margin... margins) {
        Objects.requireNonNull(margins, "margins must not be null");
        return to(Arrays.asList(margins));
    }

    /** Raking to these margins, in this order, with R's defaults; see {@link #to(Margin...)}. */
    public static Rake to(List<Margin> margins) {
        Objects.requireNonNull(margins, "margins must not be null");
        if (margins.isEmpty()) {
            throw new IllegalArgumentException("raking needs at least one margin");
        }
        List<Margin> copy = List.copyOf(margins);
        double first = copy.get(0).total();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Margin m : copy) {
            if (!seen.add(m.variable())) {
                throw new IllegalArgumentException("margin variable " + m.variable() + " is listed twice");
            }
            double t = m.total();
            if (Math.abs(t - first) > 1e-9 * Math.max(t, first)) {
                throw new IllegalArgumentException(Format.f(
                        "margin totals disagree: %s sums to %s but %s sums to %s",
                        copy.get(0).variable(), Format.num(first), m.variable(), Format.num(t)));
            }
        }
        return new Rake(copy, 0, Double.NaN, false);
    }

    /**
     * Tight raking: {@code ε = 1e-12 × population total}, up to 1000 sweeps, and {@link #fit} fails
     * with {@link IllegalStateException} if it does not converge, or if it converges by R's rule
     * (the weights stop changing) while a margin is still missed by more than 1e-8 relative, which
     * happens when no positive weights on the sample's cells meet the margins. An
     * {@link #epsilon} or {@link #maxSweeps} set before or after {@code strict()} replaces the
     * strict value and keeps the strict meaning (ε relative to the population total). For R's
     * exact rule use {@code epsilon(1e-12).maxSweeps(200)} without {@code strict()}.
     */
    public Rake strict() {
        return new Rake(margins, maxSweepsSet, epsilonSet, true);
    }

    /**
     * The convergence tolerance, with R's meaning: below 1 it is relative to the design-weight
     * total, from 1 up it is an absolute change in a joint cell's weighted count.
     *
     * @throws IllegalArgumentException unless positive and finite
     */
    public Rake epsilon(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("raking epsilon must be positive and finite: " + value);
        }
        return new Rake(margins, maxSweepsSet, value, requireConvergence);
    }

    /**
     * The largest number of sweeps (R's {@code maxit}).
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Rake maxSweeps(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("raking maxSweeps must be at least 1: " + value);
        }
        return new Rake(margins, value, epsilonSet, requireConvergence);
    }

    /** The margins, in sweep order. */
    public List<Margin> margins() {
        return margins;
    }

    /**
     * Rakes the sample's design weights.
     *
     * @throws IllegalArgumentException if a margin variable is not a categorical variable of the
     *     sample, a sample level has no population count, or a population level has no respondent
     * @throws IllegalStateException in {@linkplain #strict() strict} mode, if raking does not
     *     converge
     */
    public WeightedSample fit(SurveySample sample) {
        Objects.requireNonNull(sample, "sample must not be null");
        int nm = margins.size();
        int n = sample.size();
        double[] base = sample.weightsRef();
        Factor[] fs = new Factor[nm];
        double[][] pop = new double[nm][];
        long product = 1;
        for (int m = 0; m < nm; m++) {
            fs[m] = sample.factor(margins.get(m).variable());
            pop[m] = margins.get(m).alignedTo(fs[m]);
            product = Math.min(product * fs[m].levelCount(), DIRECT_CELL_LIMIT + 1L); // saturates, never overflows
        }

        // 1. cells of the cross-classification (one pass over the rows)
        int[] cellOf = new int[n];
        List<int[]> cellLevels = new ArrayList<>();
        if (product <= DIRECT_CELL_LIMIT) {
            int[] idOfKey = new int[(int) product];
            Arrays.fill(idOfKey, -1);
            for (int i = 0; i < n; i++) {
                int key = 0;
                for (int m = 0; m < nm; m++) {
                    key = key * fs[m].levelCount() + fs[m].codes[i];
                }
                int id = idOfKey[key];
                if (id < 0) {
                    id = cellLevels.size();
                    idOfKey[key] = id;
                    cellLevels.add(levelsOf(fs, i));
                }
                cellOf[i] = id;
            }
        } else {
            Map<List<Integer>, Integer> idOfKey = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int[] lv = levelsOf(fs, i);
                List<Integer> key = Arrays.stream(lv).boxed().toList();
                Integer id = idOfKey.get(key);
                if (id == null) {
                    id = cellLevels.size();
                    idOfKey.put(key, id);
                    cellLevels.add(lv);
                }
                cellOf[i] = id;
            }
        }
        int cells = cellLevels.size();
        int[][] levelOfCell = new int[nm][cells];
        for (int c = 0; c < cells; c++) {
            int[] lv = cellLevels.get(c);
            for (int m = 0; m < nm; m++) {
                levelOfCell[m][c] = lv[m];
            }
        }
        double[] cellBase = new double[cells];
        double[] cellBase2 = new double[cells];
        int[] cellCount = new int[cells];
        double baseTotal = 0;
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            double b = base[i];
            cellBase[c] += b;
            cellBase2[c] += b * b;
            cellCount[c]++;
            baseTotal += b;
        }

        // 2. sweeps on the cells
        double eps = absoluteEpsilon(baseTotal);
        double[] g = new double[cells];
        Arrays.fill(g, 1.0);
        double[][] factorAfter = new double[nm][cells];
        double[] oldT = cellBase.clone();
        double[][] levelSum = new double[nm][];
        for (int m = 0; m < nm; m++) {
            levelSum[m] = new double[fs[m].levelCount()];
        }
        double[] deltas = new double[maxSweeps];
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < maxSweeps) {
            for (int m = 0; m < nm; m++) {
                double[] s = levelSum[m];
                Arrays.fill(s, 0.0);
                int[] lev = levelOfCell[m];
                for (int c = 0; c < cells; c++) {
                    s[lev[c]] += cellBase[c] * g[c];
                }
                double[] p = pop[m];
                for (int h = 0; h < s.length; h++) {
                    s[h] = p[h] / s[h];
                }
                double[] f = factorAfter[m];
                for (int c = 0; c < cells; c++) {
                    g[c] *= s[lev[c]];
                    f[c] = g[c];
                }
            }
            double delta = 0;
            for (int c = 0; c < cells; c++) {
                double t = cellBase[c] * g[c];
                delta = Math.max(delta, Math.abs(t - oldT[c]));
                oldT[c] = t;
            }
            deltas[sweeps++] = delta;
            if (delta < eps) {
                converged = true;
                break;
            }
        }

        // 3. final weights (one pass over the rows)
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = base[i] * g[cellOf[i]];
        }
        int[][] levelCount = new int[nm][];
        for (int m = 0; m < nm; m++) {
            levelCount[m] = fs[m].counts.clone();
        }
        Calibration cal = new RakeCalibration(base, cellOf, cells, cellCount, levelOfCell, levelCount, factorAfter);

        // margin errors and Kish's figures from the cells (no further pass over the rows)
        Map<String, Double> maxAbs = new LinkedHashMap<>();
        Map<String, Double> maxRel = new LinkedHashMap<>();
        for (int m = 0; m < nm; m++) {
            double[] tot = new double[fs[m].levelCount()];
            for (int c = 0; c < cells; c++) {
                tot[levelOfCell[m][c]] += cellBase[c] * g[c];
            }
            double a = 0;
            double r = 0;
            for (int h = 0; h < tot.length; h++) {
                if (!Double.isNaN(pop[m][h])) {
                    double d = Math.abs(tot[h] - pop[m][h]);
                    a = Math.max(a, d);
                    r = Math.max(r, d / pop[m][h]);
                }
            }
            maxAbs.put(fs[m].name, a);
            maxRel.put(fs[m].name, r);
        }
        double sw = 0;
        double sw2 = 0;
        for (int c = 0; c < cells; c++) {
            sw += cellBase[c] * g[c];
            sw2 += cellBase2[c] * g[c] * g[c];
        }
        Kish kish = Kish.of(n, sw, sw2);
        RakeDiagnostics diag = RakeDiagnostics.of(nm, sweeps, converged, maxSweeps, epsilon, eps, cells,
                Arrays.stream(deltas, 0, sweeps).boxed().toList(), maxAbs, maxRel, kish);
        if (requireConvergence && !converged) {
            throw new IllegalStateException("strict raking did not converge: " + diag);
        }
        if (requireConvergence && !(diag.largestMarginError() <= STRICT_MARGIN_ERROR)) {
            // R's rule calls a raking that cycles between sweeps converged: the weights stop changing
            throw new IllegalStateException(Format.f(
                    "strict raking cannot meet the margins (no positive weights on the sample's cells do): %s", diag));
        }
        return WeightedSample.calibrated(sample, w, cal, diag.toString(), diag, null);
    }

    private static int[] levelsOf(Factor[] fs, int i) {
        int[] lv = new int[fs.length];
        for (int m = 0; m < fs.length; m++) {
            lv[m] = fs[m].codes[i];
        }
        return lv;
    }

    /** The margin variables and the settings, as in the class example. */
    @Override
    public String toString() {
        List<String> vars = new ArrayList<>();
        for (Margin m : margins) {
            vars.add(m.variable());
        }
        return "Rake[" + String.join(", ", vars) + "; epsilon " + Format.num(epsilon) + ", maxSweeps " + maxSweeps
                + (requireConvergence ? ", strict" : "") + "]";
    }
}
