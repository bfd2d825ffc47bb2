package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A replicate-weight design, as R {@code survey}'s {@code svyrep.design} (survey 4.1-1): full-sample
 * weights and R replicate weights; every estimate is recomputed with each replicate's weights and
 * its variance is {@code v = scale·Σ_r rscales_r (θ_r − c)²}, c the mean of the replicate estimates
 * (or the full-sample estimate with {@code mse}). Degrees of freedom: the rank of the replicate
 * weight matrix (R's {@code qr(tol = 1e-5)}, LINPACK {@code dqrdc2}) minus one, over the rows used
 * (recomputed after {@link #subset}, post-stratification, raking and linear calibration).
 *
 * <p>Build one from weight columns with
 * {@link #ofColumns(SurveyDesign, List, ReplicateType)}, or from a design with
 * {@link SurveyDesign#replicates(ReplicateType)}. Immutable and thread-safe.
 */
public final class ReplicateDesign implements Design {
    final SurveyDesign data;
    final double[] weights;
    final double[][] rep;
    final double scale;
    final double[] rscales;
    final boolean mse;
    final int degf;
    final boolean[] domain;
    final String subset;
    final boolean[] selfRepresenting;
    final ReplicateType type;
    /** Fay's ρ (0 for other types; NaN for Fay columns given with an explicit scale). */
    final double rho;

    private ReplicateDesign(SurveyDesign data, double[] weights, double[][] rep, double scale, double[] rscales,
            boolean mse, int degf, boolean[] domain, String subset, boolean[] selfRepresenting, ReplicateType type,
            double rho) {
        this.rho = rho;
        this.data = data;
        this.weights = weights;
        this.rep = rep;
        this.scale = scale;
        this.rscales = rscales;
        this.mse = mse;
        this.domain = domain;
        this.subset = subset;
        this.selfRepresenting = selfRepresenting;
        this.type = type;
        this.degf = degf >= 0 ? degf : rankDf(rep, domain);
    }

    private static int rankDf(double[][] rep, boolean[] domain) {
        int n = rep[0].length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += domain == null || domain[i] ? 1 : 0;
        }
        double[][] cols = new double[rep.length][m];
        for (int r = 0; r < rep.length; r++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (domain == null || domain[i]) {
                    cols[r][k++] = rep[r][i];
                }
            }
        }
        return Rank.of(cols, 1e-5) - 1;
    }

    /**
     * Replicate weights given as columns (full replicate weights, R's {@code combined.weights =
     * TRUE}), with the type's default scale and rscales and {@code mse = FALSE}: R's
     * {@code svrepdesign(weights = ~w, repweights = ..., type)}. The variables and full-sample
     * weights are those of {@code variables} (its clusters and strata are not used).
     *
     * @throws IllegalArgumentException for {@link ReplicateType#JKN} (needs rscales: use the other
     *     overload), fewer than two replicates, or a column of another length
     */
    public static ReplicateDesign ofColumns(SurveyDesign variables, List<double[]> replicates, ReplicateType type) {
        int r = replicates.size();
        double scale = switch (Objects.requireNonNull(type, "replicate type must not be null")) {
            case BOOTSTRAP -> 1.0 / (r - 1);
            case SUCCESSIVE_DIFFERENCE -> 4.0 / r;
            case JK1 -> (r - 1.0) / r;
            case BRR -> 1.0 / r;
            case JKN -> throw new IllegalArgumentException("JKn replicate columns need their rscales: use "
                    + "ofColumns(variables, replicates, type, scale, rscales, mse)");
            case FAY -> throw new IllegalArgumentException("Fay replicate columns need their scale 1/(R(1 - rho)^2): "
                    + "use ofColumns(variables, replicates, type, scale, rscales, mse)");
        };
        double[] rs = new double[r];
        Arrays.fill(rs, 1);
        return ofColumns(variables, replicates, type, scale, rs, false);
    }

    /**
     * Replicate weights given as columns with explicit scale, rscales and mse, e.g. the ACS PUMS
     * idiom {@code (JK1, 4/80, all 1, mse = true)} (R's {@code svrepdesign(type = "JK1", scale = 4/80,
     * rscales = rep(1, 80), mse = TRUE)}). For successive-difference R ignores the given scale and
     * rscales (4/R, 1), so does this.
     */
    public static ReplicateDesign ofColumns(SurveyDesign variables, List<double[]> replicates, ReplicateType type,
            double scale, double[] rscales, boolean mse) {
        Objects.requireNonNull(variables, "variables must not be null");
        int r = replicates.size();
        if (r < 2 || rscales.length != r) {
            throw new IllegalArgumentException(Format.f("a replicate design needs at least 2 replicates and one rscale "
                    + "each: %d replicates, %d rscales", r, rscales.length));
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("replicate scale must be positive and finite: " + scale);
        }
        double[][] rep = new double[r][];
        for (int k = 0; k < r; k++) {
            double[] c = replicates.get(k);
            if (c.length != variables.n) {
                throw new IllegalArgumentException(Format.f("replicate %d has %d weights for %d respondents", k + 1,
                        c.length, variables.n));
            }
            for (double x : c) {
                if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(Format.f("replicate %d has a weight that is not >= 0 and finite: "
                            + "%s", k + 1, x));
                }
            }
            rep[k] = c.clone();
        }
        double[] rs = rscales.clone();
        if (type == ReplicateType.SUCCESSIVE_DIFFERENCE) {
            scale = 4.0 / r;
            Arrays.fill(rs, 1);
        }
        return new ReplicateDesign(variables, variables.weights, rep, scale, rs, mse, -1, null, "all", null, type,
                type == ReplicateType.FAY ? Double.NaN : 0);
    }

    /** R's {@code as.svrepdesign(design, type = "JK1" | "JKn")}; see {@link SurveyDesign#replicates}. */
    static ReplicateDesign jackknife(SurveyDesign d, ReplicateType type) {
        int n = d.n;
        double[] w = d.weights;
        boolean[] selfRep = new boolean[n];
        for (int i = 0; i < n; i++) {
            selfRep[i] = d.population != null && d.population[0][i] == d.sampled[0][i];
        }
        List<int[]> psus = Variance.groups(allRows(n), d.unit[0]);
        if (type == ReplicateType.JK1) {
            int m = psus.size();
            double f = d.population == null ? 0 : d.sampled[0][0] / d.population[0][0];
            double[][] rep = new double[m][n];
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < n; i++) {
                    rep[r][i] = w[i] * (double) m / (m - 1);
                }
                for (int i : psus.get(r)) {
                    rep[r][i] = 0;
                }
            }
            double[] rs = new double[m];
            Arrays.fill(rs, 1);
            return new ReplicateDesign(d, w, rep, (m - 1.0) / m * (1 - f), rs, false, -1, null, "all", selfRep, type, 0);
        }
        if (type != ReplicateType.JKN) {
            throw new IllegalArgumentException("replicates from a design: JK1, JKn, BRR or Fay (bootstrap and "
                    + "successive-difference replicates come as columns: ofColumns): " + type);
        }
        List<double[]> reps = new ArrayList<>();
        List<Double> rscales = new ArrayList<>();
        List<int[]> strata = Variance.groups(allRows(n), d.stratum[0]);
        int nstrata = strata.size();
        for (int[] h : strata) {
            int r0 = h[0];
            int nh = d.sampled[0][r0];
            double pop = d.population == null ? Double.POSITIVE_INFINITY : d.population[0][r0];
            double fh = pop == Double.POSITIVE_INFINITY ? 0 : nh / pop;
            if (fh >= 1) {
                continue; // a stratum sampled completely: no replicate
            }
            List<int[]> units = Variance.groups(h, d.unit[0]);
            if (nh == 1) {
                switch (d.lonely) {
                    case FAIL -> throw new IllegalStateException("Stratum" + d.stratumNames[0][d.stratum[0][r0]]
                            + "has only one PSU");
                    case ADJUST -> {
                        double[] c = new double[n];
                        for (int i = 0; i < n; i++) {
                            c[i] = w[i] * nstrata / (nstrata - 1.0);
                        }
                        for (int i : units.get(0)) {
                            c[i] = 0;
                        }
                        reps.add(c);
                        rscales.add((nstrata - 1.0) / nstrata);
                    }
                    default -> { }
                }
                continue;
            }
            for (int[] u : units) {
                double[] c = w.clone();
                for (int i : h) {
                    c[i] = w[i] * nh / (nh - 1.0);
                }
                for (int i : u) {
                    c[i] = 0;
                }
                reps.add(c);
                rscales.add((nh - 1.0) / nh * (1 - fh));
            }
        }
        double[][] rep = reps.toArray(new double[0][]);
        double[] rs = rscales.stream().mapToDouble(Double::doubleValue).toArray();
        double scale = d.lonely == LonelyPsu.AVERAGE ? (double) psus.size() / rep.length : 1;
        return new ReplicateDesign(d, w, rep, scale, rs, false, -1, null, "all", selfRep, type, 0);
    }

    /**
     * R's {@code as.svrepdesign(design, type = "BRR")} ({@code rho = 0}) or {@code type = "Fay",
     * fay.rho = rho} (R's {@code brrweights} with its defaults {@code small = "fail"},
     * {@code large = "split"}); see {@link SurveyDesign#replicates(ReplicateType, double)}.
     */
    static ReplicateDesign brr(SurveyDesign d, double rho) {
        if (!d.stratified) {
            throw new IllegalArgumentException("Must use JK1 or bootstrap for an unstratified design "
                    + "(BRR and Fay need strata of two PSUs)");
        }
        int n = d.n;
        List<int[]> psus = Variance.groups(allRows(n), d.unit[0]);
        // the PSUs of each stratum in order of first appearance; strata sorted as strings
        java.util.TreeMap<String, List<Integer>> byStratum = new java.util.TreeMap<>();
        for (int j = 0; j < psus.size(); j++) {
            int r0 = psus.get(j)[0];
            byStratum.computeIfAbsent(d.stratumNames[0][d.stratum[0][r0]], k -> new ArrayList<>()).add(j);
        }
        List<String> small = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byStratum.entrySet()) {
            if (e.getValue().size() < 2) {
                small.add(e.getKey());
            } else if (e.getValue().size() % 2 == 1) {
                odd.add(e.getKey());
            }
        }
        if (!small.isEmpty()) {
            throw new IllegalArgumentException("Some strata have fewer than 2 PSUs (BRR and Fay need two per "
                    + "stratum): " + Checks.list(small));
        }
        if (!odd.isEmpty()) {
            throw new IllegalArgumentException("Can't split with odd numbers of PSUs in a stratum (BRR and Fay "
                    + "need pairs of PSUs): " + Checks.list(odd));
        }
        // R numbers the half-sample pairs: strata with more than 2 PSUs first (split into consecutive
        // pairs), then the strata of 2, each group in sorted order
        int[] pairOf = new int[psus.size()];
        boolean[] firstOfPair = new boolean[psus.size()];
        int upto = 0;
        for (boolean large : new boolean[] {true, false}) {
            for (List<Integer> units : byStratum.values()) {
                if ((units.size() > 2) != large) {
                    continue;
                }
                for (int k = 0; k < units.size(); k++) {
                    pairOf[units.get(k)] = upto + k / 2 + 1;
                    firstOfPair[units.get(k)] = k % 2 == 0;
                }
                upto += units.size() / 2;
            }
        }
        int[][] h = Hadamard.of(upto);
        int replicates = h.length;
        double[] w = d.weights;
        double[][] rep = new double[replicates][n];
        for (int r = 0; r < replicates; r++) {
            for (int j = 0; j < psus.size(); j++) {
                boolean kept = (h[pairOf[j]][r] == 1) == firstOfPair[j];
                double m = kept ? 2 - rho : rho;
                for (int i : psus.get(j)) {
                    rep[r][i] = w[i] * m;
                }
            }
        }
        double[] rs = new double[replicates];
        Arrays.fill(rs, 1);
        double scale = 1 / (replicates * (1 - rho) * (1 - rho));
        return new ReplicateDesign(d, w, rep, scale, rs, false, -1, null, "all", null,
                rho == 0 ? ReplicateType.BRR : ReplicateType.FAY, rho);
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** This design with variances centred on the full-sample estimate (R's {@code mse = TRUE}). */
    public ReplicateDesign withMse() {
        return new ReplicateDesign(data, weights, rep, scale, rscales, true, degf, domain, subset, selfRepresenting,
                type, rho);
    }

    /** The replicate type. */
    public ReplicateType type() {
        return type;
    }

    /**
     * Fay's ρ of replicates built with {@link SurveyDesign#replicates(ReplicateType, double)}; 0 for
     * other types; empty for Fay columns given with an explicit scale (ρ not known).
     */
    public java.util.OptionalDouble fayRho() {
        return Double.isNaN(rho) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(rho);
    }

    /** The number of replicates. */
    public int replicateCount() {
        return rep.length;
    }

    /** The scale. */
    public double scale() {
        return scale;
    }

    /** The rscales (a copy). */
    public double[] rscales() {
        return rscales.clone();
    }

    /** Whether variances centre on the full-sample estimate. */
    public boolean mse() {
        return mse;
    }

    /** The full-sample weights (a copy). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** R's {@code degf}: the rank of the replicate weights over the rows used, minus one. */
    @Override
    public int degreesOfFreedom() {
        return degf;
    }

    SurveyDesign view() {
        return data.view(weights, domain, subset);
    }

    /**
     * The domain {@code variable == level}; the degrees of freedom are recomputed over its rows.
     *
     * @throws IllegalArgumentException if the variable is not a factor or the level not one of its levels
     */
    @Override
    public ReplicateDesign subset(String variable, String level) {
        SurveyDesign v = view().subset(variable, level);
        return new ReplicateDesign(data, weights, rep, scale, rscales, mse, -1, v.domain, v.subset,
                selfRepresenting, type, rho);
    }

    /** The replicate variance of k statistics from full-sample values and replicate values [R][k]. */
    double[][] covariance(double[] full, double[][] reps) {
        int k = full.length;
        double[] c = full.clone();
        if (!mse) {
            Arrays.fill(c, 0);
            for (double[] r : reps) {
                for (int a = 0; a < k; a++) {
                    c[a] += r[a] / reps.length;
                }
            }
        }
        double[][] v = new double[k][k];
        for (int r = 0; r < reps.length; r++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    v[a][b] += scale * rscales[r] * (reps[r][a] - c[a]) * (reps[r][b] - c[b]);
                }
            }
        }
        return v;
    }

    private static double ratio(double[] w, double[] y, int[] rows) {
        double sw = 0;
        double swy = 0;
        for (int i : rows) {
            sw += w[i];
            swy += w[i] * y[i];
        }
        return swy / sw;
    }

    /** The replicate estimates of the mean of a numeric variable (R's {@code svymean(..., return.replicates = TRUE)}). */
    public double[] replicateMeans(String variable) {
        SurveyDesign v = view();
        double[] y = v.values(variable);
        int[] rows = v.observed(y);
        double[] out = new double[rep.length];
        for (int r = 0; r < rep.length; r++) {
            out[r] = ratio(rep[r], y, rows);
        }
        return out;
    }

    /** The weighted mean with its replicate standard error, R's {@code svymean(~y, design, na.rm = TRUE)}. */
    @Override
    public DesignEstimate mean(String variable) {
        SurveyDesign v = view();
        double[] y = v.values(variable);
        int[] rows = v.observed(y);
        double est = ratio(weights, y, rows);
        double[][] reps = new double[rep.length][1];
        double[][] logits = new double[rep.length][1];
        for (int r = 0; r < rep.length; r++) {
            reps[r][0] = ratio(rep[r], y, rows);
            logits[r][0] = Math.log(reps[r][0] / (1 - reps[r][0]));
        }
        double se = rows.length == 0 ? Double.NaN : Math.sqrt(covariance(new double[] {est}, reps)[0][0]);
        double logitSe = est > 0 && est < 1
                ? Math.sqrt(covariance(new double[] {Math.log(est / (1 - est))}, logits)[0][0]) : Double.NaN;
        return new DesignEstimate(DesignEstimate.Statistic.MEAN, variable, subset, est, se, degf, rows.length,
                v.rows(), logitSe);
    }

    /**
     * The weighted total with its replicate standard error, R's {@code svytotal(~y, design, na.rm =
     * TRUE)}; for replicates built from a design, respondents of self-representing PSUs are left out
     * of the replicate totals (R's {@code survey.drop.replicates}).
     */
    @Override
    public DesignEstimate total(String variable) {
        SurveyDesign v = view();
        double[] y = v.values(variable);
        int[] rows = v.observed(y);
        double est = 0;
        for (int i : rows) {
            est += weights[i] * y[i];
        }
        double[][] reps = new double[rep.length][1];
        for (int r = 0; r < rep.length; r++) {
            double t = 0;
            for (int i : rows) {
                if (selfRepresenting == null || !selfRepresenting[i]) {
                    t += rep[r][i] * y[i];
                }
            }
            reps[r][0] = t;
        }
        double se = Math.sqrt(covariance(new double[] {est}, reps)[0][0]);
        return new DesignEstimate(DesignEstimate.Statistic.TOTAL, variable, subset, est, se, degf, rows.length,
                v.rows(), Double.NaN);
    }

    /** Domain means with their replicate covariance, R's {@code svyby(~y, ~by, design, svymean, covmat = TRUE)}. */
    @Override
    public DesignDomains meanBy(String variable, String by) {
        SurveyDesign v = view();
        double[] y = v.values(variable);
        SurveyDesign.Factor f = v.factor(by);
        List<String> held = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<int[]> rowsOf = new ArrayList<>();
        for (String level : f.levels()) {
            SurveyDesign s = v.subset(by, level);
            int[] rows = s.observed(y);
            if (rows.length > 0) {
                held.add(level);
                rowsOf.add(rows);
            } else {
                empty.add(level);
            }
        }
        int k = held.size();
        double[] full = new double[k];
        double[][] reps = new double[rep.length][k];
        for (int a = 0; a < k; a++) {
            full[a] = ratio(weights, y, rowsOf.get(a));
            for (int r = 0; r < rep.length; r++) {
                reps[r][a] = ratio(rep[r], y, rowsOf.get(a));
            }
        }
        double[][] cov = covariance(full, reps);
        List<DesignEstimate> est = new ArrayList<>();
        List<List<Double>> c = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            est.add(subset(by, held.get(a)).mean(variable));
            List<Double> row = new ArrayList<>();
            for (double x : cov[a]) {
                row.add(x);
            }
            c.add(row);
        }
        return new DesignDomains(variable, by, est, c, empty, degf);
    }

    /**
     * Domain means by the cross-classification of several factors with their replicate covariance,
     * R's {@code svyby(~y, ~by + more, design, svymean, covmat = TRUE)}; domains named and ordered
     * as in {@link SurveyDesign#meanBy(String, String, String...)}.
     */
    @Override
    public DesignDomains meanBy(String variable, String by, String... more) {
        if (more.length == 0) {
            return meanBy(variable, by);
        }
        ReplicateDesign x = new ReplicateDesign(data.crossed(by, more), weights, rep, scale, rscales, mse, degf,
                domain, subset, selfRepresenting, type, rho);
        return x.meanBy(variable, SurveyDesign.crossedName(by, more));
    }

    /** The Rao-Scott test with the replicate covariance of the cell proportions, R's {@code svychisq}. */
    @Override
    public DesignChiSquare chiSquare(String rowVariable, String columnVariable) {
        return RaoScott.test(view(), rowVariable, columnVariable, degf, (cellOf, cells, p, rows) -> {
            double[][] reps = new double[rep.length][cells];
            for (int r = 0; r < rep.length; r++) {
                double sw = 0;
                for (int i : rows) {
                    sw += rep[r][i];
                    reps[r][cellOf[i]] += rep[r][i];
                }
                for (int j = 0; j < cells; j++) {
                    reps[r][j] /= sw;
                }
            }
            return covariance(p, reps);
        });
    }

    /** The design-based t test, R's {@code svyttest(y ~ g, design)}: df = degf − 1. */
    @Override
    public DesignTTest tTest(String outcome, String group) {
        return tTest(outcome, group, 0.95);
    }

    /** As {@link #tTest(String, String)} with an interval at this level. */
    public DesignTTest tTest(String outcome, String group, double level) {
        Checks.level(level, "DesignTTest");
        DesignDomains by = meanBy(outcome, group);
        if (by.levels().size() != 2) {
            throw new IllegalArgumentException(Format.f("svyttest needs a group with exactly two levels observed: "
                    + "%s has %s", group, by.levels()));
        }
        String a = by.levels().get(0);
        String b = by.levels().get(1);
        DesignContrast c = by.contrast(b, a);
        return DesignTTest.of(outcome, group, b, a, c.estimate(), c.standardError(), degf - 1, level);
    }

    // ------------------------------------------------------------------ calibration of every replicate

    private ReplicateDesign calibrated(double[] w, double[][] r, boolean recomputeDf) {
        return new ReplicateDesign(data, w, r, scale, rscales, mse, recomputeDf ? -1 : degf, null, "all",
                selfRepresenting, type, rho);
    }

    private void wholeSample(String what) {
        if (domain != null) {
            throw new IllegalStateException(what + " calibrates the whole sample, not a domain (" + subset + ")");
        }
    }

    /** Post-stratification of the full-sample and of every replicate's weights (R's {@code postStratify}). */
    @Override
    public ReplicateDesign postStratify(String factor, Map<String, Double> population) {
        wholeSample("postStratify");
        SurveyDesign.Factor f = data.factor(factor);
        double[] pop = levels(factor, f, population);
        double[][] r = new double[rep.length][];
        for (int k = 0; k < rep.length; k++) {
            r[k] = Calibrations.postStratify(rep[k], f.codes(), pop, pop.length);
        }
        return calibrated(Calibrations.postStratify(weights, f.codes(), pop, pop.length), r, true);
    }

    private static double[] levels(String factor, SurveyDesign.Factor f, Map<String, Double> population) {
        double[] pop = new double[f.levels().size()];
        for (int c = 0; c < pop.length; c++) {
            Double v = population.get(f.levels().get(c));
            if (v == null || !(v > 0)) {
                throw new IllegalArgumentException(Format.f("population of %s=%s must be given and positive: %s",
                        factor, f.levels().get(c), v));
            }
            pop[c] = v;
        }
        return pop;
    }

    /**
     * Raking of the full-sample weights until the joint table changes by less than
     * {@code epsilon·Σw} (at most maxit sweeps), and the same number of sweeps on every replicate
     * (R's {@code rake} on a replicate design: replicates need not reproduce the margins exactly).
     */
    public ReplicateDesign rake(List<String> factors, List<Map<String, Double>> populations, int maxit,
            double epsilon) {
        wholeSample("rake");
        int nm = factors.size();
        int[][] codes = new int[nm][];
        double[][] pops = new double[nm][];
        for (int m = 0; m < nm; m++) {
            SurveyDesign.Factor f = data.factor(factors.get(m));
            codes[m] = f.codes();
            pops[m] = levels(factors.get(m), f, populations.get(m));
        }
        Map<List<Integer>, Integer> cellIndex = new HashMap<>();
        int n = weights.length;
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            List<Integer> key = new ArrayList<>();
            for (int[] c : codes) {
                key.add(c[i]);
            }
            cell[i] = cellIndex.computeIfAbsent(key, x -> cellIndex.size());
        }
        double eps = 0;
        for (double x : weights) {
            eps += x;
        }
        eps = epsilon < 1 ? epsilon * eps : epsilon;
        double[] old = new double[cellIndex.size()];
        for (int i = 0; i < n; i++) {
            old[cell[i]] += weights[i];
        }
        double[] w = weights;
        double[][] r = new double[rep.length][];
        for (int k = 0; k < rep.length; k++) {
            r[k] = rep[k];
        }
        for (int sweep = 0; sweep < maxit; sweep++) {
            for (int m = 0; m < nm; m++) {
                w = Calibrations.postStratify(w, codes[m], pops[m], pops[m].length);
                for (int k = 0; k < rep.length; k++) {
                    r[k] = Calibrations.postStratify(r[k], codes[m], pops[m], pops[m].length);
                }
            }
            double[] now = new double[old.length];
            for (int i = 0; i < n; i++) {
                now[cell[i]] += w[i];
            }
            double delta = 0;
            for (int c = 0; c < now.length; c++) {
                delta = Math.max(delta, Math.abs(old[c] - now[c]));
            }
            if (delta < eps) {
                break;
            }
            old = now;
        }
        return calibrated(w, r, true);
    }

    /**
     * Calibration of the full-sample weights and of every replicate's (each from λ = 0), R's
     * {@code calibrate} on a replicate design; the degrees of freedom are recomputed after linear
     * calibration only, as R does.
     */
    public ReplicateDesign calibrate(List<String> terms, Map<String, Double> population, CalibrationFunction function,
            double lower, double upper, int maxit, double epsilon) {
        wholeSample("calibrate");
        List<String> names = new ArrayList<>();
        double[][] x = Calibrations.modelMatrix(data, terms, names);
        double[] pop = Calibrations.totals(names, population);
        double[] w = apply(weights, Calibrations.g(x, weights, pop, function, lower, upper, maxit, epsilon));
        double[][] r = new double[rep.length][];
        for (int k = 0; k < rep.length; k++) {
            r[k] = apply(rep[k], Calibrations.g(x, rep[k], pop, function, lower, upper, maxit, epsilon));
        }
        return calibrated(w, r, function == CalibrationFunction.LINEAR);
    }

    private static double[] apply(double[] w, double[] g) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * g[i];
        }
        return out;
    }

    /** Type, replicates, scale, degrees of freedom and variables. */
    @Override
    public String toString() {
        String t = type == ReplicateType.FAY && !Double.isNaN(rho)
                ? "Fay rho=" + java.math.BigDecimal.valueOf(rho).stripTrailingZeros().toPlainString() : type.rName();
        return Format.f("ReplicateDesign[%s, n=%d, %d replicates, scale %s%s, df %d%s]", t, weights.length,
                rep.length, Format.num(scale), mse ? ", mse" : "", degf,
                subset.equals("all") ? "" : ", subset " + subset);
    }
}
