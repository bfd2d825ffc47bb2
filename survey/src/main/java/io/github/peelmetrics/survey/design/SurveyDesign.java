package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A complex survey design with linearization variances, as R {@code survey}'s
 * {@code svydesign(ids = ~psu + ssu, strata = ~s, fpc = ~N1 + N2, weights = ~w, nest = TRUE)}
 * (survey 4.1-1): strata, clusters at one or more stages, finite population corrections per stage,
 * and R's lonely-PSU rules ({@link LonelyPsu}).
 *
 * <pre>{@code
 * jshell> var d = SurveyDesign.builder(6).weights(new double[] {10, 10, 20, 20, 15, 15}).strata(new String[] {"A", "A", "A", "B", "B", "B"}).cluster(new String[] {"1", "1", "2", "1", "2", "3"}).nest().numeric("y", new double[] {1, 0, 1, 1, 0, 1}).build()
 * SurveyDesign[n=6, 2 strata, 5 PSUs, 1 stage, df 3, numeric=[y], factors=[]]
 * jshell> d.mean("y")
 * mean y: 0.7222 (se 0.2072, df 3)
 * }</pre>
 *
 * <p><b>Variance</b> (R's {@code svyrecvar}): with influence values z_i (mean:
 * {@code w_i(y_i − ȳ)/Σw}; total: {@code w_i y_i}), PSU totals z_hi and n_h PSUs in stratum h,
 * {@code V1 = Σ_h (1 − f_h)·n_h/(n_h − 1)·Σ_i (z_hi − z̄_h)²}. Without an fpc, f_h = 0 and that is
 * the whole variance (ultimate cluster) whatever the number of stages. With an fpc, each later
 * stage adds {@code Σ_PSU (n_h/N_h)·V2(PSU)}, V2 the same formula inside the PSU with the next
 * stage's fpc and the PSU as stratum, recursively; {@link #withUltimateCluster()} (R's
 * {@code survey.ultimate.cluster = TRUE}) drops that recursion.
 *
 * <p><b>fpc</b>: per stage either population sizes N (some value > 1) or sampling fractions
 * (all ≤ 1, converted to {@code N = n/f} with n the sampled units of the stratum at that stage);
 * mixing is an error, as is N below n. A stage without an fpc is sampled with replacement. The
 * given weights are used for every estimate; without weights they are {@code Π N_s/n_s}.
 *
 * <p><b>Ids</b>: stage-2 ids are nested in their PSU. PSU ids must be nested in strata unless
 * {@link Builder#nest()} makes the PSU the pair (stratum, id).
 *
 * <p><b>Domains</b> ({@link #subset(String, String)}) keep the full design: influence values are
 * zero outside the domain, the number of PSUs of a stratum is the full sample's, and only the
 * degrees of freedom ({@code #PSU − #strata} over the domain's rows) and the lonely-PSU rules look
 * at the domain's rows.
 *
 * <p>Immutable and thread-safe.
 */
public final class SurveyDesign implements Design {
    final int n;
    final double[] weights;
    final int stages;
    /** [stage][row]: the stratum of the row at that stage (index into stratumNames[stage]). */
    final int[][] stratum;
    final String[][] stratumNames;
    /** Whether strata were given (R's {@code has.strata}). */
    final boolean stratified;
    /** [stage][row]: the unit (cluster) of the row at that stage, numbered over the sample. */
    final int[][] unit;
    /** [stage][row]: the sampled units of the row's stratum at that stage. */
    final int[][] sampled;
    /** [stage][row]: the population units of the row's stratum at that stage (+Inf: with replacement); null without fpc. */
    final double[][] population;
    final Map<String, double[]> numeric;
    final Map<String, Factor> factors;
    final LonelyPsu lonely;
    final boolean adjustDomainLonely;
    final boolean ultimateCluster;
    /** The calibrations' variance residuals, in the order applied (empty: not calibrated). */
    final List<Calibrations.Residuals> calibrations;
    /** The domain's rows, null for the whole sample. */
    final boolean[] domain;
    final String subset;

    record Factor(List<String> levels, int[] codes) {}

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, boolean adjustDomainLonely, boolean ultimateCluster,
            boolean[] domain, String subset) {
        this(d, d.weights, d.calibrations, lonely, adjustDomainLonely, ultimateCluster, domain, subset);
    }

    private SurveyDesign(SurveyDesign d, double[] weights, List<Calibrations.Residuals> calibrations) {
        this(d, weights, calibrations, d.lonely, d.adjustDomainLonely, d.ultimateCluster, d.domain, d.subset);
    }

    private SurveyDesign(SurveyDesign d, double[] weights, List<Calibrations.Residuals> calibrations, LonelyPsu lonely,
            boolean adjustDomainLonely, boolean ultimateCluster, boolean[] domain, String subset) {
        this(d, weights, calibrations, lonely, adjustDomainLonely, ultimateCluster, domain, subset, d.factors);
    }

    private SurveyDesign(SurveyDesign d, double[] weights, List<Calibrations.Residuals> calibrations, LonelyPsu lonely,
            boolean adjustDomainLonely, boolean ultimateCluster, boolean[] domain, String subset,
            Map<String, Factor> factors) {
        this.n = d.n;
        this.weights = weights;
        this.calibrations = calibrations;
        this.stages = d.stages;
        this.stratum = d.stratum;
        this.stratumNames = d.stratumNames;
        this.stratified = d.stratified;
        this.unit = d.unit;
        this.sampled = d.sampled;
        this.population = d.population;
        this.numeric = d.numeric;
        this.factors = factors;
        this.lonely = lonely;
        this.adjustDomainLonely = adjustDomainLonely;
        this.ultimateCluster = ultimateCluster;
        this.domain = domain;
        this.subset = subset;
    }

    private SurveyDesign(Builder b) {
        this.n = b.n;
        int st = Math.max(1, b.ids.size());
        this.stages = st;
        String[][] ids = new String[st][];
        for (int s = 0; s < st; s++) {
            ids[s] = b.ids.isEmpty() || b.ids.get(s) == null ? rowNumbers(n) : b.ids.get(s);
        }
        String[] strata = b.strata == null ? filled(n, "1") : b.strata;
        this.stratified = b.strata != null;
        // stage-1 units, nested in strata on request; else checked to be
        String[] key1 = new String[n];
        for (int i = 0; i < n; i++) {
            key1[i] = b.nest && b.strata != null ? strata[i] + "\u0000" + ids[0][i] : ids[0][i];
        }
        if (b.strata != null && !b.nest) {
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String prev = seen.putIfAbsent(key1[i], strata[i]);
                if (prev != null && !prev.equals(strata[i])) {
                    throw new IllegalArgumentException(Format.f("Clusters not nested in strata at top level; "
                            + "you may want nest=TRUE (PSU %s is in strata %s and %s)", ids[0][i], prev, strata[i]));
                }
            }
        }
        if (new TreeSet<>(Arrays.asList(ids[0])).size() == 1 && !(b.nest && b.strata != null) && !b.ids.isEmpty()) {
            throw new IllegalArgumentException("Design has only one primary sampling unit");
        }
        String[][] unitKey = new String[st][n];
        String[][] stratumKey = new String[st][n];
        for (int i = 0; i < n; i++) {
            unitKey[0][i] = key1[i];
            stratumKey[0][i] = strata[i];
            for (int s = 1; s < st; s++) {
                unitKey[s][i] = unitKey[s - 1][i] + "\u0001" + ids[s][i];
                stratumKey[s][i] = unitKey[s - 1][i];
            }
        }
        this.stratum = new int[st][];
        this.stratumNames = new String[st][];
        this.unit = new int[st][];
        this.sampled = new int[st][n];
        for (int s = 0; s < st; s++) {
            Map<String, Integer> sIndex = new LinkedHashMap<>();
            Map<String, Integer> uIndex = new HashMap<>();
            stratum[s] = new int[n];
            unit[s] = new int[n];
            for (int i = 0; i < n; i++) {
                Integer k = sIndex.get(stratumKey[s][i]);
                if (k == null) {
                    k = sIndex.size();
                    sIndex.put(stratumKey[s][i], k);
                }
                stratum[s][i] = k;
                Integer u = uIndex.get(unitKey[s][i]);
                if (u == null) {
                    u = uIndex.size();
                    uIndex.put(unitKey[s][i], u);
                }
                unit[s][i] = u;
            }
            stratumNames[s] = sIndex.keySet().toArray(new String[0]);
            int[] count = new int[sIndex.size()];
            boolean[] counted = new boolean[uIndex.size()];
            for (int i = 0; i < n; i++) {
                if (!counted[unit[s][i]]) {
                    counted[unit[s][i]] = true;
                    count[stratum[s][i]]++;
                }
            }
            for (int i = 0; i < n; i++) {
                sampled[s][i] = count[stratum[s][i]];
            }
        }
        this.population = fpc(b, st);
        this.weights = b.weights != null ? b.weights : fpcWeights();
        this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(b.numeric));
        this.factors = Collections.unmodifiableMap(new LinkedHashMap<>(b.factors));
        this.lonely = b.lonely;
        this.adjustDomainLonely = b.adjustDomainLonely;
        this.ultimateCluster = b.ultimateCluster;
        this.calibrations = List.of();
        this.domain = null;
        this.subset = "all";
    }

    private double[][] fpc(Builder b, int st) {
        boolean any = false;
        for (double[] f : b.fpc) {
            any |= f != null;
        }
        if (!any) {
            return null;
        }
        boolean big = false;
        boolean allAtLeastOne = true;
        for (double[] f : b.fpc) {
            if (f != null) {
                for (double x : f) {
                    big |= x > 1;
                    allAtLeastOne &= x >= 1;
                }
            }
        }
        if (big ^ allAtLeastOne) {
            throw new IllegalArgumentException("Must have all fpc>=1 or all fpc<=1 (fpc is a population size "
                    + "when some value is > 1, else a sampling fraction)");
        }
        double[][] pop = new double[st][n];
        for (int s = 0; s < st; s++) {
            double[] f = s < b.fpc.size() ? b.fpc.get(s) : null;
            for (int i = 0; i < n; i++) {
                double p = f == null ? Double.POSITIVE_INFINITY : big ? f[i] : sampled[s][i] / f[i];
                if (p < sampled[s][i]) {
                    throw new IllegalArgumentException(Format.f("FPC implies >100%% sampling in some strata: "
                            + "row %d stage %d: population %s, sampled %d", i + 1, s + 1, Format.num(p), sampled[s][i]));
                }
                pop[s][i] = p;
            }
        }
        return pop;
    }

    private double[] fpcWeights() {
        if (population == null) {
            throw new IllegalArgumentException("SurveyDesign needs weights, or an fpc at every stage to derive them");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 1;
            for (int s = 0; s < stages; s++) {
                x *= population[s][i] / sampled[s][i];
            }
            if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("SurveyDesign without weights needs an fpc at every stage "
                        + "(row " + (i + 1) + " has weight " + x + ")");
            }
            w[i] = x;
        }
        return w;
    }

    private static String[] rowNumbers(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = Integer.toString(i + 1);
        }
        return out;
    }

    private static String[] filled(int n, String v) {
        String[] out = new String[n];
        Arrays.fill(out, v);
        return out;
    }

    /** A builder for a design of {@code n} respondents. */
    public static Builder builder(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("SurveyDesign needs at least 2 respondents: " + n);
        }
        return new Builder(n);
    }

    /** The respondents. */
    public int size() {
        return n;
    }

    /** The analysis weights (a copy), in row order (R's {@code weights(design)}). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The number of stages. */
    public int stages() {
        return stages;
    }

    /** The lonely-PSU rule. */
    public LonelyPsu lonelyPsu() {
        return lonely;
    }

    /** {@code "all"}, or the domain as {@code variable=level}. */
    public String subset() {
        return subset;
    }

    /** The numeric variables, in the order added. */
    public List<String> numericNames() {
        return List.copyOf(numeric.keySet());
    }

    /** The categorical variables, in the order added. */
    public List<String> factorNames() {
        return List.copyOf(factors.keySet());
    }

    /** This design with another lonely-PSU rule (R's {@code options(survey.lonely.psu = ...)}). */
    public SurveyDesign withLonelyPsu(LonelyPsu rule) {
        Objects.requireNonNull(rule, "lonely PSU rule must not be null");
        return new SurveyDesign(this, rule, adjustDomainLonely, ultimateCluster, domain, subset);
    }

    /**
     * This design where a stratum with several PSUs of which only one holds domain rows is treated
     * as lonely (R's {@code options(survey.adjust.domain.lonely = TRUE)}).
     */
    public SurveyDesign withAdjustDomainLonely() {
        return new SurveyDesign(this, lonely, true, ultimateCluster, domain, subset);
    }

    /**
     * This design with the ultimate-cluster variance: the stage-1 formula only, with the stage-1
     * fpc (R's {@code options(survey.ultimate.cluster = TRUE)}).
     */
    public SurveyDesign withUltimateCluster() {
        return new SurveyDesign(this, lonely, adjustDomainLonely, true, domain, subset);
    }

    /**
     * The domain {@code variable == level} on the full design, R's
     * {@code subset(design, variable == level)}: estimates use the domain's rows, the variance the
     * full design (zero influence outside the domain). A subset of a subset is their intersection.
     *
     * @throws IllegalArgumentException if the variable is not a factor of the design or the level
     *     not one of its levels (the message lists what is held)
     */
    @Override
    public SurveyDesign subset(String variable, String level) {
        Factor f = factor(variable);
        int code = f.levels.indexOf(Objects.requireNonNull(level, "level must not be null"));
        if (code < 0) {
            throw Checks.notHeld("SurveyDesign", "level of " + variable, level, f.levels);
        }
        boolean[] d = new boolean[n];
        for (int i = 0; i < n; i++) {
            d[i] = (domain == null || domain[i]) && f.codes[i] == code;
        }
        String s = (domain == null ? "" : subset + " & ") + variable + "=" + level;
        return new SurveyDesign(this, lonely, adjustDomainLonely, ultimateCluster, d, s);
    }

    Factor factor(String variable) {
        Factor f = factors.get(Objects.requireNonNull(variable, "variable must not be null"));
        if (f == null) {
            throw Checks.notHeld("SurveyDesign", "factor", variable, factors.keySet());
        }
        return f;
    }

    double[] values(String variable) {
        double[] y = numeric.get(Objects.requireNonNull(variable, "variable must not be null"));
        if (y == null) {
            throw Checks.notHeld("SurveyDesign", "numeric variable", variable, numeric.keySet());
        }
        return y;
    }

    boolean inDomain(int i) {
        return (domain == null || domain[i]) && weights[i] != 0;
    }

    /**
     * The rows of the design passed, R's {@code nrow(design)}: the domain's rows, or all rows for a
     * domain of a calibrated design (R keeps them with zero weight).
     */
    public int rows() {
        if (domain == null || !calibrations.isEmpty()) {
            return n;
        }
        int c = 0;
        for (boolean b : domain) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /**
     * The degrees of freedom, R's {@code degf(design)}: distinct PSUs minus distinct strata over the
     * rows of the design (the domain's rows) with non-zero weight.
     */
    @Override
    public int degreesOfFreedom() {
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            use[i] = inDomain(i);
        }
        return degf(use);
    }

    int degf(boolean[] use) {
        java.util.Set<Integer> u = new java.util.HashSet<>();
        java.util.Set<Integer> s = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                u.add(unit[0][i]);
                s.add(stratum[0][i]);
            }
        }
        return u.size() - s.size();
    }

    /**
     * The weighted mean of a numeric variable over its observed values (in the domain), with its
     * linearization standard error, R's {@code svymean(~y, design, na.rm = TRUE)}.
     *
     * @throws IllegalArgumentException if the variable is not a numeric variable of the design
     * @throws IllegalStateException under {@link LonelyPsu#FAIL} when a lonely PSU is met
     */
    @Override
    public DesignEstimate mean(String variable) {
        double[] y = values(variable);
        int[] rows = observed(y);
        double sw = 0;
        double swy = 0;
        for (int i : rows) {
            sw += weights[i];
            swy += weights[i] * y[i];
        }
        double mean = rows.length == 0 ? Double.NaN : swy / sw;
        double[][] z = new double[1][n];
        for (int i : rows) {
            z[0][i] = weights[i] * (y[i] - mean) / sw;
        }
        double v = rows.length == 0 ? Double.NaN : Variance.of(this, z, rows)[0][0];
        return new DesignEstimate(DesignEstimate.Statistic.MEAN, variable, subset, mean, Math.sqrt(v),
                degreesOfFreedom(), rows.length, rows(), Math.sqrt(v) / (mean * (1 - mean)));
    }

    /**
     * The weighted total of a numeric variable over its observed values (in the domain), with its
     * linearization standard error, R's {@code svytotal(~y, design, na.rm = TRUE)}.
     *
     * @throws IllegalArgumentException if the variable is not a numeric variable of the design
     * @throws IllegalStateException under {@link LonelyPsu#FAIL} when a lonely PSU is met
     */
    @Override
    public DesignEstimate total(String variable) {
        double[] y = values(variable);
        int[] rows = observed(y);
        double t = 0;
        double[][] z = new double[1][n];
        for (int i : rows) {
            t += weights[i] * y[i];
            z[0][i] = weights[i] * y[i];
        }
        double v = rows.length == 0 ? 0 : Variance.of(this, z, rows)[0][0];
        return new DesignEstimate(DesignEstimate.Statistic.TOTAL, variable, subset, t, Math.sqrt(v),
                degreesOfFreedom(), rows.length, rows(), Double.NaN);
    }

    /** The rows in the domain with an observed value of every column given. */
    int[] observed(double[]... ys) {
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = inDomain(i);
            for (double[] y : ys) {
                ok &= !Double.isNaN(y[i]);
            }
            if (ok) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Domain means of a numeric variable by the levels of a factor, with their full covariance
     * matrix, R's {@code svyby(~y, ~by, design, svymean, covmat = TRUE)} on the rows with an
     * observed y. Each level's standard error is that of {@code subset(by, level).mean(y)} (the
     * lonely-PSU rules look at that level's rows); the covariance comes from the influence values
     * of all the levels run jointly through the design. Levels without an observed value are left
     * out (listed in {@link DesignDomains#emptyLevels()}).
     */
    /** The rows with both the outcome and the group observed, and per level the weight and weighted outcome sums. */
    private record GroupSums(int[] rows, double[] weights, double[] weighted) {}

    private GroupSums groupSums(double[] y, Factor f) {
        double[] code = new double[n];
        for (int i = 0; i < n; i++) {
            code[i] = f.codes[i] < 0 ? Double.NaN : f.codes[i];
        }
        int[] rows = observed(y, code);
        double[] sw = new double[f.levels.size()];
        double[] swy = new double[f.levels.size()];
        for (int i : rows) {
            sw[f.codes[i]] += weights[i];
            swy[f.codes[i]] += weights[i] * y[i];
        }
        return new GroupSums(rows, sw, swy);
    }

    @Override
    public DesignDomains meanBy(String variable, String by) {
        double[] y = values(variable);
        Factor f = factor(by);
        GroupSums g = groupSums(y, f);
        int[] rows = g.rows();
        int k = f.levels.size();
        double[] sw = g.weights();
        double[] swy = g.weighted();
        List<Integer> held = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sw[c] > 0) {
                held.add(c);
            } else {
                empty.add(f.levels.get(c));
            }
        }
        double[][] z = new double[held.size()][n];
        for (int j = 0; j < held.size(); j++) {
            int c = held.get(j);
            double mean = swy[c] / sw[c];
            for (int i : rows) {
                if (f.codes[i] == c) {
                    z[j][i] = weights[i] * (y[i] - mean) / sw[c];
                }
            }
        }
        double[][] v = held.isEmpty() ? new double[0][0] : Variance.of(this, z, rows);
        List<DesignEstimate> est = new ArrayList<>();
        List<List<Double>> cov = new ArrayList<>();
        for (int j = 0; j < held.size(); j++) {
            est.add(subset(by, f.levels.get(held.get(j))).mean(variable));
            List<Double> row = new ArrayList<>();
            for (double x : v[j]) {
                row.add(x);
            }
            cov.add(row);
        }
        boolean[] use = new boolean[n];
        for (int i : rows) {
            use[i] = true;
        }
        return new DesignDomains(variable, by, est, cov, empty, degf(use));
    }

    /**
     * Domain means by the cross-classification of several factors (race × age group), R's
     * {@code svyby(~y, ~by + more, design, svymean, covmat = TRUE)}: the domains are the
     * combinations of levels, named as R's {@code interaction} names them ({@code Black.18-29}) and
     * ordered as R orders them, the first factor varying fastest ({@code Black.18-29},
     * {@code White.18-29}, {@code Black.30-44}, ...); combinations without an observed value are
     * listed in {@link DesignDomains#emptyLevels()}. The domain variable is named
     * {@code by:more} ({@code race:age_group}). Each combination's estimate and standard error are
     * those of {@code subset(by, a).subset(more, b).mean(variable)}, with the full covariance.
     *
     * @throws IllegalArgumentException if a name is not a factor of the design (the message lists
     *     the factors), or a factor is repeated
     */
    @Override
    public DesignDomains meanBy(String variable, String by, String... more) {
        if (more.length == 0) {
            return meanBy(variable, by);
        }
        return crossed(by, more).meanBy(variable, crossedName(by, more));
    }

    static String crossedName(String by, String... more) {
        return by + ":" + String.join(":", more);
    }

    /** This design with the cross-classification of the factors added as one factor. */
    SurveyDesign crossed(String by, String... more) {
        List<String> names = new ArrayList<>();
        names.add(by);
        names.addAll(Arrays.asList(more));
        if (new TreeSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("meanBy needs distinct factors: " + names);
        }
        String name = crossedName(by, more);
        if (factors.containsKey(name) || numeric.containsKey(name)) {
            throw new IllegalArgumentException("SurveyDesign already has a variable " + name);
        }
        List<Factor> fs = new ArrayList<>();
        for (String f : names) {
            fs.add(factor(f));
        }
        int total = 1;
        for (Factor f : fs) {
            total = Math.multiplyExact(total, f.levels.size());
        }
        List<String> levels = new ArrayList<>();
        for (int idx = 0; idx < total; idx++) {
            StringBuilder label = new StringBuilder();
            int rest = idx;
            for (Factor f : fs) {
                if (label.length() > 0) {
                    label.append('.');
                }
                label.append(f.levels.get(rest % f.levels.size()));
                rest /= f.levels.size();
            }
            levels.add(label.toString());
        }
        if (new TreeSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("the level names of " + name + " are not distinct (a level contains "
                    + "'.'): " + levels);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int code = 0;
            int stride = 1;
            for (Factor f : fs) {
                if (f.codes[i] < 0) {
                    code = -1;
                    break;
                }
                code += f.codes[i] * stride;
                stride *= f.levels.size();
            }
            codes[i] = code;
        }
        Map<String, Factor> all = new LinkedHashMap<>(factors);
        all.put(name, new Factor(List.copyOf(levels), codes));
        return new SurveyDesign(this, weights, calibrations, lonely, adjustDomainLonely, ultimateCluster, domain,
                subset, Collections.unmodifiableMap(all));
    }

    /**
     * The design-based Rao-Scott test of independence of two variables (factors, or numeric
     * variables whose distinct values are taken as levels), R's
     * {@code svychisq(~row + col, design)}; see {@link DesignChiSquare}.
     */
    @Override
    public DesignChiSquare chiSquare(String rowVariable, String columnVariable) {
        return RaoScott.test(this, rowVariable, columnVariable);
    }

    /**
     * The design-based t test of the difference of a numeric variable's means between the two levels
     * of a factor (second level minus first), R's {@code svyttest(y ~ g, design)}, with a 95% interval.
     */
    @Override
    public DesignTTest tTest(String outcome, String group) {
        return tTest(outcome, group, 0.95);
    }

    /**
     * As {@link #tTest(String, String)} with an interval at this level.
     *
     * @throws IllegalArgumentException if the group does not have exactly two levels with observed
     *     outcomes, or unless {@code 0 < level < 1}
     */
    public DesignTTest tTest(String outcome, String group, double level) {
        Checks.level(level, "DesignTTest");
        double[] y = values(outcome);
        Factor f = factor(group);
        GroupSums g = groupSums(y, f);
        int[] rows = g.rows();
        int k = f.levels.size();
        double[] sw = g.weights();
        double[] swy = g.weighted();
        List<Integer> held = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sw[c] > 0) {
                held.add(c);
            }
        }
        if (held.size() != 2) {
            throw new IllegalArgumentException(Format.f("svyttest needs a group with exactly two levels observed: "
                    + "%s has %d of [%s]", group, held.size(), Checks.list(f.levels)));
        }
        int a = held.get(0);
        int b = held.get(1);
        double ma = swy[a] / sw[a];
        double mb = swy[b] / sw[b];
        double[][] z = new double[1][n];
        for (int i : rows) {
            int c = f.codes[i];
            z[0][i] = c == b ? weights[i] * (y[i] - mb) / sw[b] : -weights[i] * (y[i] - ma) / sw[a];
        }
        double se = Math.sqrt(Variance.of(this, z, rows)[0][0]);
        boolean[] use = new boolean[n];
        for (int i : rows) {
            use[i] = true;
        }
        int df = degf(use) - 1;
        return DesignTTest.of(outcome, group, f.levels.get(b), f.levels.get(a), mb - ma, se, df, level);
    }

    /** A view of this design's variables with other full-sample weights and domain (replicate designs). */
    SurveyDesign view(double[] w, boolean[] d, String s) {
        return new SurveyDesign(this, w, List.of(), lonely, adjustDomainLonely, ultimateCluster, d, s);
    }

    /**
     * A replicate-weight design built from this design, R's {@code as.svrepdesign(design, type)}:
     * <ul>
     *   <li>{@link ReplicateType#JK1}: replicate r drops PSU r and multiplies the others by
     *       n/(n − 1); scale {@code (n − 1)/n·(1 − f)};</li>
     *   <li>{@link ReplicateType#JKN}: one replicate per PSU, only its stratum reweighted by
     *       n_h/(n_h − 1); rscales {@code (n_h − 1)/n_h·(1 − f_h)}; strata sampled completely get
     *       no replicate; a lonely stratum follows the lonely-PSU rule;</li>
     *   <li>{@link ReplicateType#BRR}: balanced half-samples from R's Hadamard matrix H of the
     *       smallest size R offers above the number of strata (16 strata: 20 replicates, 20: 24).
     *       The strata are sorted as strings (code-point order, R's order in the C locale) and the
     *       k-th uses row k + 1 of H (row 1, all ones, is skipped); in replicate r its
     *       first-appearing PSU gets multiplier 2 when {@code H[k + 1, r] = 1}, else 0, and the other
     *       PSU the complement. A stratum of 4, 6, ... PSUs is split into consecutive pairs (numbered
     *       before the strata of two, as R does). Scale 1/R, rscales 1; the fpc is dropped (as R
     *       does, with its warning "Finite population correction dropped in conversion").</li>
     * </ul>
     * PSUs in order of first appearance (JKn: strata, then PSUs). Replicate weights are the
     * full-sample weights times the multipliers of the respondent's PSU; variances centre on the
     * mean of the replicates. For Fay's method use {@link #replicates(ReplicateType, double)}.
     *
     * @throws IllegalArgumentException for {@link ReplicateType#FAY} (it needs ρ), bootstrap or
     *     successive-difference (they come as columns), or BRR on a design without strata, with a
     *     stratum of one PSU or an odd number of PSUs (R's messages)
     * @throws IllegalStateException under {@link LonelyPsu#FAIL} with a lonely stratum (JKn)
     */
    public ReplicateDesign replicates(ReplicateType type) {
        Objects.requireNonNull(type, "replicate type must not be null");
        if (type == ReplicateType.FAY) {
            throw new IllegalArgumentException("Fay replicates need rho: use replicates(ReplicateType.FAY, rho)");
        }
        return type == ReplicateType.BRR ? ReplicateDesign.brr(this, 0) : ReplicateDesign.jackknife(this, type);
    }

    /**
     * Fay's modified BRR built from this design, R's {@code as.svrepdesign(design, type = "Fay",
     * fay.rho = rho)}: the half-samples of {@link #replicates(ReplicateType) BRR} with multipliers
     * {@code 2 − ρ} (kept) and {@code ρ} (instead of 2 and 0), scale {@code 1/(R(1 − ρ)²)}, rscales 1.
     * Every respondent stays in every replicate, so domain estimates never lose a whole PSU.
     *
     * <pre>{@code
     * jshell> var d = SurveyDesign.builder(8).weights(new double[] {10, 10, 12, 12, 8, 8, 9, 9}).strata(new String[] {"A", "A", "A", "A", "B", "B", "B", "B"}).cluster(new String[] {"1", "1", "2", "2", "1", "1", "2", "2"}).nest().numeric("y", new double[] {1, 0, 1, 1, 0, 1, 1, 1}).build()
     * SurveyDesign[n=8, 2 strata, 4 PSUs, 1 stage, df 2, numeric=[y], factors=[]]
     * jshell> d.replicates(ReplicateType.FAY, 0.5)
     * ReplicateDesign[Fay rho=0.5, n=8, 4 replicates, scale 1, df 2]
     * }</pre>
     *
     * @throws IllegalArgumentException unless {@code type} is {@link ReplicateType#FAY} and
     *     {@code 0 < rho < 1}, or for a design BRR cannot use (see {@link #replicates(ReplicateType)})
     */
    public ReplicateDesign replicates(ReplicateType type, double rho) {
        if (type != ReplicateType.FAY) {
            throw new IllegalArgumentException("replicates(type, rho) builds Fay replicates (ReplicateType.FAY): "
                    + type);
        }
        Checks.openUnit("rho", "Fay replicates", rho);
        return ReplicateDesign.brr(this, rho);
    }

    /** Whether the weights are calibrated (post-stratified, raked or calibrated). */
    public boolean calibrated() {
        return !calibrations.isEmpty();
    }

    private void wholeSample(String what) {
        if (domain != null) {
            throw new IllegalStateException(what + " calibrates the whole sample, not a domain (" + subset + ")");
        }
    }

    private double[] populationOf(String factor, Factor f, Map<String, Double> population) {
        Objects.requireNonNull(population, "population must not be null");
        double[] pop = new double[f.levels.size()];
        for (int c = 0; c < pop.length; c++) {
            Double v = population.get(f.levels.get(c));
            if (v == null || !(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Format.f("population of %s=%s must be given, positive and finite: %s",
                        factor, f.levels.get(c), v));
            }
            pop[c] = v;
        }
        for (String k : population.keySet()) {
            if (!f.levels.contains(k)) {
                throw Checks.notHeld("SurveyDesign", "level of " + factor, k, f.levels);
            }
        }
        double[] sw = new double[pop.length];
        for (int i = 0; i < n; i++) {
            if (f.codes[i] < 0) {
                throw new IllegalArgumentException(Format.f("%s is missing at row %d: every row needs a level to "
                        + "calibrate", factor, i + 1));
            }
            sw[f.codes[i]] += weights[i];
        }
        for (int c = 0; c < pop.length; c++) {
            if (sw[c] == 0) {
                throw new IllegalArgumentException(Format.f("no respondent in %s=%s to carry its population",
                        factor, f.levels.get(c)));
            }
        }
        return pop;
    }

    /**
     * Post-stratification to the population counts of a factor's levels, R's
     * {@code postStratify(design, ~factor, population)}: {@code w·N_c/Σ_c w}; the variance uses the
     * residuals {@code e_i = z_i − g_i·m_c}, {@code m_c = Σ_c z w⁰/g / Σ_c w⁰} (g the new weights,
     * w⁰ those before), through the full multistage formula.
     *
     * @throws IllegalArgumentException if a level lacks a positive population or respondents
     * @throws IllegalStateException on a domain
     */
    @Override
    public SurveyDesign postStratify(String factor, Map<String, Double> population) {
        wholeSample("postStratify");
        Factor f = factor(factor);
        double[] pop = populationOf(factor, f, population);
        double[] now = Calibrations.postStratify(weights, f.codes, pop, pop.length);
        List<Calibrations.Residuals> cal = new ArrayList<>(calibrations);
        cal.add(Calibrations.postStratResiduals(f.codes, pop.length, weights, now));
        return new SurveyDesign(this, now, List.copyOf(cal));
    }

    /**
     * Raking with R's defaults ({@code maxit = 10}, {@code epsilon = 1}); see
     * {@link #rake(List, List, int, double)}.
     */
    public SurveyDesign rake(List<String> factors, List<Map<String, Double>> populations) {
        return rake(factors, populations, 10, 1);
    }

    /**
     * Raking to the population counts of the factors' levels, margins in the order given, R's {@code rake(design, list(~a, ~b), list(pop_a,
     * pop_b), control = list(maxit, epsilon))}: sweeps of post-stratification to every margin until
     * the largest change of the joint weighted table over a sweep is below {@code epsilon·Σw}
     * ({@code epsilon < 1}; else {@code epsilon} itself), at most {@code maxit} sweeps. The variance
     * uses exactly ten passes of {@code e ← e − g_m·ave(e/g_m, margin m)}, g_m the weights just after
     * margin m in the last sweep.
     *
     * @throws IllegalArgumentException if a margin's level lacks a positive population or respondents
     * @throws IllegalStateException on a domain
     */
    public SurveyDesign rake(List<String> factors, List<Map<String, Double>> populations, int maxit, double epsilon) {
        wholeSample("rake");
        if (factors.isEmpty() || factors.size() != populations.size() || maxit < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException(Format.f("rake needs one population per factor, maxit >= 1 and "
                    + "epsilon > 0: %s, %d populations, %d, %s", factors, populations.size(), maxit, epsilon));
        }
        int nm = factors.size();
        int[][] codes = new int[nm][];
        int[] levels = new int[nm];
        double[][] pops = new double[nm][];
        int m = 0;
        for (String name : factors) {
            Factor f = factor(name);
            pops[m] = populationOf(name, f, populations.get(m));
            codes[m] = f.codes;
            levels[m] = f.levels.size();
            m++;
        }
        // the joint table's cells
        Map<List<Integer>, Integer> cellIndex = new HashMap<>();
        int[] cell = new int[n];
        for (int i = 0; i < n; i++) {
            List<Integer> key = new ArrayList<>();
            for (int[] c : codes) {
                key.add(c[i]);
            }
            cell[i] = cellIndex.computeIfAbsent(key, k -> cellIndex.size());
        }
        double eps = 0;
        for (double x : weights) {
            eps += x;
        }
        eps = epsilon < 1 ? epsilon * eps : epsilon;
        double[] old = table(weights, cell, cellIndex.size());
        double[] w = weights;
        double[][] after = new double[nm][];
        for (int sweep = 0; sweep < maxit; sweep++) {
            for (int k = 0; k < nm; k++) {
                w = Calibrations.postStratify(w, codes[k], pops[k], levels[k]);
                after[k] = w;
            }
            double[] now = table(w, cell, cellIndex.size());
            double delta = 0;
            for (int c = 0; c < now.length; c++) {
                delta = Math.max(delta, Math.abs(old[c] - now[c]));
            }
            if (delta < eps) {
                break;
            }
            old = now;
        }
        List<Calibrations.Residuals> cal = new ArrayList<>(calibrations);
        cal.add(Calibrations.rakeResiduals(codes, levels, after));
        return new SurveyDesign(this, w, List.copyOf(cal));
    }

    private static double[] table(double[] w, int[] cell, int cells) {
        double[] t = new double[cells];
        for (int i = 0; i < w.length; i++) {
            t[cell[i]] += w[i];
        }
        return t;
    }

    /**
     * Unbounded calibration with R's defaults ({@code maxit = 50}, {@code epsilon = 1e-7}); see
     * {@link #calibrate(List, Map, CalibrationFunction, double, double, int, double)}.
     */
    public SurveyDesign calibrate(List<String> terms, Map<String, Double> population, CalibrationFunction function) {
        return calibrate(terms, population, function, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 50, 1e-7);
    }

    /**
     * Calibration to population totals, R's {@code calibrate(design, ~a + b, population, calfun,
     * bounds = c(lower, upper), maxit, epsilon)}: the model matrix has an intercept, treatment
     * dummies of each factor term (first level the reference) and each numeric term; the totals are
     * named like R's model-matrix columns ({@code (Intercept)}, {@code raceHispanic}, {@code api99}).
     * Weights {@code w⁰·g} with g from {@link CalibrationFunction}; the variance uses the residuals
     * {@code e = resid(z/(g√w⁰) on X√w⁰)·g√w⁰}.
     *
     * @throws IllegalArgumentException if the totals do not name every column, a term is missing, or
     *     logit bounds are not finite with {@code lower < 1 < upper}
     * @throws IllegalStateException on a domain, or if the iteration does not converge in maxit steps
     */
    public SurveyDesign calibrate(List<String> terms, Map<String, Double> population, CalibrationFunction function,
            double lower, double upper, int maxit, double epsilon) {
        wholeSample("calibrate");
        Objects.requireNonNull(function, "calibration function must not be null");
        if (!(lower < 1 && upper > 1) || (function == CalibrationFunction.LOGIT
                && !(Double.isFinite(lower) && Double.isFinite(upper)))) {
            throw new IllegalArgumentException(Format.f("calibration bounds must satisfy lower < 1 < upper (finite for "
                    + "logit): [%s, %s]", lower, upper));
        }
        if (maxit < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException(Format.f("calibrate needs maxit >= 1 and epsilon > 0: %d, %s", maxit,
                    epsilon));
        }
        List<String> names = new ArrayList<>();
        double[][] x = Calibrations.modelMatrix(this, terms, names);
        double[] pop = Calibrations.totals(names, population);
        double[] g = Calibrations.g(x, weights, pop, function, lower, upper, maxit, epsilon);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / (1 / weights[i] / g[i]);
        }
        List<Calibrations.Residuals> cal = new ArrayList<>(calibrations);
        cal.add(Calibrations.gregResiduals(x, weights, g));
        return new SurveyDesign(this, w, List.copyOf(cal));
    }

    /** A one-line summary: size, strata, PSUs, stages, degrees of freedom and variables. */
    @Override
    public String toString() {
        java.util.Set<Integer> u = new java.util.HashSet<>();
        for (int x : unit[0]) {
            u.add(x);
        }
        return Format.f("SurveyDesign[n=%d, %d strat%s, %d PSUs, %d stage%s, df %d%s, numeric=%s, factors=%s]", n,
                stratumNames[0].length, stratumNames[0].length == 1 ? "um" : "a", u.size(), stages,
                stages == 1 ? "" : "s", degreesOfFreedom(), subset.equals("all") ? "" : ", subset " + subset,
                numeric.keySet(), factors.keySet());
    }

    /** A builder of a {@link SurveyDesign}; each setting is checked as it is set. */
    public static final class Builder {
        private final int n;
        private double[] weights;
        private String[] strata;
        private final List<String[]> ids = new ArrayList<>();
        private final List<double[]> fpc = new ArrayList<>();
        private boolean nest;
        private LonelyPsu lonely = LonelyPsu.FAIL;
        private boolean adjustDomainLonely;
        private boolean ultimateCluster;
        private final Map<String, double[]> numeric = new LinkedHashMap<>();
        private final Map<String, Factor> factors = new LinkedHashMap<>();

        private Builder(int n) {
            this.n = n;
        }

        private void length(String what, int length) {
            if (length != n) {
                throw new IllegalArgumentException(Format.f("SurveyDesign %s has %d values for %d respondents",
                        what, length, n));
            }
        }

        /** The sampling weights (positive and finite); without them they come from the fpc. */
        public Builder weights(double[] w) {
            length("weights", w.length);
            for (int i = 0; i < n; i++) {
                if (!(w[i] > 0 && w[i] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(Format.f("weight of row %d must be positive and finite: %s",
                            i + 1, w[i]));
                }
            }
            this.weights = w.clone();
            return this;
        }

        /** The stratum of every respondent (stage 1). */
        public Builder strata(String[] s) {
            length("strata", s.length);
            this.strata = noMissing("strata", s);
            return this;
        }

        private String[] noMissing(String what, String[] s) {
            for (int i = 0; i < s.length; i++) {
                if (s[i] == null || s[i].isEmpty()) {
                    throw new IllegalArgumentException(Format.f("missing value in %s at row %d", what, i + 1));
                }
            }
            return s.clone();
        }

        /** The next stage's sampling unit of every respondent, sampled with replacement (no fpc). */
        public Builder cluster(String[] id) {
            length("cluster ids", id.length);
            ids.add(noMissing("cluster ids", id));
            fpc.add(null);
            return this;
        }

        /**
         * The next stage's sampling unit of every respondent, with that stage's fpc: population sizes
         * of the stratum at that stage, or sampling fractions (all ≤ 1).
         */
        public Builder cluster(String[] id, double[] fpcs) {
            length("cluster ids", id.length);
            ids.add(noMissing("cluster ids", id));
            fpc.add(fpcValues(fpcs));
            return this;
        }

        /** Respondents as the sampling units (R's {@code ids = ~1}) with this fpc. */
        public Builder individuals(double[] fpcs) {
            if (!ids.isEmpty()) {
                throw new IllegalStateException("individuals(fpc) is the only stage of a design");
            }
            ids.add(null);
            fpc.add(fpcValues(fpcs));
            return this;
        }

        private double[] fpcValues(double[] f) {
            length("fpc", f.length);
            for (int i = 0; i < n; i++) {
                if (!(f[i] > 0 && f[i] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(Format.f("fpc of row %d must be positive and finite: %s",
                            i + 1, f[i]));
                }
            }
            return f.clone();
        }

        /** PSUs are identified by (stratum, id): ids may repeat across strata (R's {@code nest = TRUE}). */
        public Builder nest() {
            this.nest = true;
            return this;
        }

        /** The lonely-PSU rule ({@link LonelyPsu#FAIL} unless set). */
        public Builder lonelyPsu(LonelyPsu rule) {
            this.lonely = Objects.requireNonNull(rule, "lonely PSU rule must not be null");
            return this;
        }

        /** See {@link SurveyDesign#withAdjustDomainLonely()}. */
        public Builder adjustDomainLonely() {
            this.adjustDomainLonely = true;
            return this;
        }

        /** See {@link SurveyDesign#withUltimateCluster()}. */
        public Builder ultimateCluster() {
            this.ultimateCluster = true;
            return this;
        }

        /** A numeric variable (NaN = missing). */
        public Builder numeric(String name, double[] values) {
            Checks.name("SurveyDesign variable", name);
            length(name, values.length);
            if (numeric.containsKey(name) || factors.containsKey(name)) {
                throw new IllegalArgumentException("SurveyDesign already has a variable " + name);
            }
            numeric.put(name, values.clone());
            return this;
        }

        /**
         * A categorical variable with its levels in order (the first is the reference); a null or
         * empty value is missing.
         *
         * @throws IllegalArgumentException if a value is not one of the levels
         */
        public Builder factor(String name, List<String> levels, String[] values) {
            Checks.name("SurveyDesign variable", name);
            length(name, values.length);
            if (numeric.containsKey(name) || factors.containsKey(name)) {
                throw new IllegalArgumentException("SurveyDesign already has a variable " + name);
            }
            List<String> lv = List.copyOf(levels);
            if (new TreeSet<>(lv).size() != lv.size() || lv.isEmpty()) {
                throw new IllegalArgumentException("levels of " + name + " must be distinct and not empty: " + lv);
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                if (values[i] == null || values[i].isEmpty()) {
                    codes[i] = -1;
                } else {
                    codes[i] = lv.indexOf(values[i]);
                    if (codes[i] < 0) {
                        throw Checks.notHeld("SurveyDesign", "level of " + name + " (row " + (i + 1) + ")",
                                values[i], lv);
                    }
                }
            }
            factors.put(name, new Factor(lv, codes));
            return this;
        }

        /**
         * The design.
         *
         * @throws IllegalArgumentException as R's {@code svydesign}: clusters not nested in strata
         *     without {@link #nest()}, a single PSU, fpc mixing sizes and fractions or below the
         *     sample, no weights and no fpc
         */
        public SurveyDesign build() {
            return new SurveyDesign(this);
        }
    }
}
