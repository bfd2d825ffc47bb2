package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * A two-by-two table comparing a group with a reference group on a yes/no outcome, and the
 * comparisons epidemiology and disparity analysis use.
 *
 * <pre>
 *               event   no event
 *   group        a1        b1        n1 = a1 + b1
 *   reference    a0        b0        n0 = a0 + b0
 * </pre>
 *
 * <pre>{@code
 * jshell> var t = TwoByTwo.of(312, 3898, 402, 9468)
 * TwoByTwo[group 312 of 4210, reference 402 of 9870]
 * jshell> t.riskRatio()
 * 1.820 [1.576, 2.100] 95% katz-log
 * jshell> t.test(IndependenceTest.PEARSON_CHI_SQUARE)
 * pearson-chi-square[stat=68.31, df=1, p=1.40e-16]
 * }</pre>
 *
 * <p>Conventions follow R's epitools 0.5-10.1 ({@code riskratio.wald}, {@code oddsratio.wald},
 * {@code tab2by2.test}), R's {@code fisher.test} and {@code chisq.test}, and statsmodels'
 * {@code confint_proportions_2indep}: see each method. <b>Zero cells are not corrected</b>: IEEE
 * arithmetic decides, as in epitools (a1 = 0 gives a ratio of 0 with interval [0, NaN]; a0 = 0
 * gives infinity with [NaN, Infinity]). {@link #haldaneCorrected()} gives the Haldane-Anscombe
 * variant (0.5 added to every cell) for those who want finite bounds.
 *
 * <p>The counts are doubles so that a corrected (or weighted) table is a table too; the exact
 * tests need whole counts. Immutable and thread-safe.
 *
 * @param groupEvents     a1, events in the group
 * @param groupTotal      n1 = a1 + b1, the group's observations, positive
 * @param referenceEvents a0, events in the reference group
 * @param referenceTotal  n0 = a0 + b0, the reference group's observations, positive
 */
public record TwoByTwo(double groupEvents, double groupTotal, double referenceEvents, double referenceTotal) {

    /**
     * Validates: every count a finite number, events in {@code [0, total]}, totals positive.
     *
     * @throws IllegalArgumentException naming the field and the value otherwise
     */
    public TwoByTwo {
        check("groupEvents", groupEvents);
        check("groupTotal", groupTotal);
        check("referenceEvents", referenceEvents);
        check("referenceTotal", referenceTotal);
        if (!(groupTotal > 0)) {
            throw new IllegalArgumentException("TwoByTwo groupTotal must be positive (the group has no observations): "
                    + Format.num(groupTotal));
        }
        if (!(referenceTotal > 0)) {
            throw new IllegalArgumentException("TwoByTwo referenceTotal must be positive (the reference group has no "
                    + "observations): " + Format.num(referenceTotal));
        }
        if (groupEvents > groupTotal) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "TwoByTwo groupEvents %s exceed the groupTotal %s", Format.num(groupEvents), Format.num(groupTotal)));
        }
        if (referenceEvents > referenceTotal) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "TwoByTwo referenceEvents %s exceed the referenceTotal %s",
                    Format.num(referenceEvents), Format.num(referenceTotal)));
        }
    }

    /**
     * A table from the four cells: {@code new TwoByTwo(a1, a1 + b1, a0, a0 + b0)}.
     *
     * @param groupEvents         a1, events in the group
     * @param groupNonevents      b1, non-events in the group
     * @param referenceEvents     a0, events in the reference group
     * @param referenceNonevents  b0, non-events in the reference group
     * @throws IllegalArgumentException if a count is negative or a group is empty
     */
    public static TwoByTwo of(long groupEvents, long groupNonevents, long referenceEvents, long referenceNonevents) {
        checkCount("groupEvents", groupEvents);
        checkCount("groupNonevents", groupNonevents);
        checkCount("referenceEvents", referenceEvents);
        checkCount("referenceNonevents", referenceNonevents);
        return new TwoByTwo(groupEvents, (double) groupEvents + groupNonevents,
                referenceEvents, (double) referenceEvents + referenceNonevents);
    }

    /**
     * A table from events and totals: {@code new TwoByTwo(a1, n1, a0, n0)}.
     *
     * @throws IllegalArgumentException if a count is negative, events exceed their total or a total is 0
     */
    public static TwoByTwo ofTotals(long groupEvents, long groupTotal, long referenceEvents, long referenceTotal) {
        return new TwoByTwo(groupEvents, groupTotal, referenceEvents, referenceTotal);
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("TwoByTwo " + name + " must be finite and not negative: " + v);
        }
    }

    private static void checkCount(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("TwoByTwo " + name + " must not be negative: " + v);
        }
    }

    /** b1 = n1 − a1, non-events in the group. */
    public double groupNonevents() {
        return groupTotal - groupEvents;
    }

    /** b0 = n0 − a0, non-events in the reference group. */
    public double referenceNonevents() {
        return referenceTotal - referenceEvents;
    }

    /** The table with 0.5 added to every cell (Haldane-Anscombe); exact tests are not defined on it. */
    public TwoByTwo haldaneCorrected() {
        return new TwoByTwo(groupEvents + 0.5, groupTotal + 1, referenceEvents + 0.5, referenceTotal + 1);
    }

    /** The same table with the group and the reference swapped. */
    public TwoByTwo swapped() {
        return new TwoByTwo(referenceEvents, referenceTotal, groupEvents, groupTotal);
    }

    /** Whether any cell is zero. */
    public boolean hasZeroCell() {
        return groupEvents == 0 || groupNonevents() == 0 || referenceEvents == 0 || referenceNonevents() == 0;
    }

    /** Risk in the group, a1 / n1. */
    public double riskGroup() {
        return groupEvents / groupTotal;
    }

    /** Risk in the reference group, a0 / n0. */
    public double riskReference() {
        return referenceEvents / referenceTotal;
    }

    private static double z(double level) {
        return Distributions.normalQuantile((1 + Checks.level(level, "TwoByTwo")) / 2);
    }

    /** The risk ratio with its 95% Katz log interval; see {@link #riskRatio(double)}. */
    public RatioEstimate riskRatio() {
        return riskRatio(Interval.DEFAULT_LEVEL);
    }

    /**
     * Risk ratio {@code RR = (a1/n1)/(a0/n0)} with the Katz log interval
     * {@code exp(log RR ± z·√(1/a1 - 1/n1 + 1/a0 - 1/n0))} (epitools {@code riskratio.wald}).
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public RatioEstimate riskRatio(double level) {
        double a1 = groupEvents;
        double n1 = groupTotal;
        double a0 = referenceEvents;
        double n0 = referenceTotal;
        double rr = (a1 / n1) / (a0 / n0);
        double se = Math.sqrt(1 / a1 - 1 / n1 + 1 / a0 - 1 / n0);
        return logInterval(rr, se, z(level), "katz-log", level);
    }

    /** The odds ratio with its 95% Woolf log interval; see {@link #oddsRatio(double)}. */
    public RatioEstimate oddsRatio() {
        return oddsRatio(Interval.DEFAULT_LEVEL);
    }

    /**
     * Odds ratio {@code OR = a1·b0/(a0·b1)} (the unconditional sample odds ratio) with the Woolf
     * log interval {@code exp(log OR ± z·√(1/a1 + 1/b1 + 1/a0 + 1/b0))} (epitools {@code oddsratio.wald}).
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public RatioEstimate oddsRatio(double level) {
        double a1 = groupEvents;
        double b1 = groupNonevents();
        double a0 = referenceEvents;
        double b0 = referenceNonevents();
        double or = (a1 * b0) / (a0 * b1);
        double se = Math.sqrt(1 / a1 + 1 / b1 + 1 / a0 + 1 / b0);
        return logInterval(or, se, z(level), "woolf-log", level);
    }

    private static RatioEstimate logInterval(double ratio, double se, double z, String method, double level) {
        double log = Math.log(ratio);
        double lo = Math.exp(log - z * se);
        double hi = Math.exp(log + z * se);
        return new RatioEstimate(ratio, new Interval(lo, hi, method, level));
    }

    /** The risk difference with its 95% Wald interval; see {@link #riskDifference(double)}. */
    public DifferenceEstimate riskDifference() {
        return riskDifference(Interval.DEFAULT_LEVEL);
    }

    /**
     * Risk difference {@code a1/n1 - a0/n0} with the unpooled Wald interval
     * {@code ± z·√(p1(1-p1)/n1 + p0(1-p0)/n0)}, not clipped (statsmodels
     * {@code confint_proportions_2indep(method='wald')}); {@link DifferenceEstimate#clippedToUnit()}
     * gives R {@code prop.test(correct = FALSE)}'s interval.
     *
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public DifferenceEstimate riskDifference(double level) {
        double n1 = groupTotal;
        double n0 = referenceTotal;
        double p1 = groupEvents / n1;
        double p0 = referenceEvents / n0;
        double d = p1 - p0;
        double half = z(level) * Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        return new DifferenceEstimate(d, new Interval(d - half, d + half, "wald", level));
    }

    /** The cells a1, b1, a0, b0. */
    private double[] observed() {
        return new double[] {groupEvents, groupNonevents(), referenceEvents, referenceNonevents()};
    }

    private double[] expected() {
        double[] o = observed();
        double n = o[0] + o[1] + o[2] + o[3];
        double ev = o[0] + o[2];
        double ne = o[1] + o[3];
        double n1 = o[0] + o[1];
        double n0 = o[2] + o[3];
        return new double[] {n1 * ev / n, n1 * ne / n, n0 * ev / n, n0 * ne / n};
    }

    /**
     * The hypothesis test of independence (no association between group and outcome) by this
     * method; each {@link IndependenceTest} constant defines its statistic and p-value.
     *
     * @throws IllegalStateException for an exact test on a table whose counts are not whole
     *     numbers (a {@linkplain #haldaneCorrected() corrected} table)
     */
    public TestResult test(IndependenceTest method) {
        Objects.requireNonNull(method, "TwoByTwo test method must not be null");
        switch (method) {
            case PEARSON_CHI_SQUARE:
                return chiSquare(false);
            case PEARSON_CHI_SQUARE_YATES:
                return chiSquare(true);
            case FISHER_EXACT:
                return fisherExact();
            case MID_P_EXACT:
                return midPExact();
            default:
                throw new AssertionError(method);
        }
    }

    private TestResult chiSquare(boolean yates) {
        double[] e = expected();
        double[] o = observed();
        double dev = Math.abs(o[0] - e[0]);
        double y = yates ? Math.min(0.5, dev) : 0;
        double stat = 0;
        for (int i = 0; i < 4; i++) {
            double d = Math.abs(o[i] - e[i]) - y;
            stat += d * d / e[i];
        }
        double p = Double.isNaN(stat) ? Double.NaN : Distributions.chiSquareSf(stat, 1);
        IndependenceTest method = yates ? IndependenceTest.PEARSON_CHI_SQUARE_YATES : IndependenceTest.PEARSON_CHI_SQUARE;
        return TestResult.of(stat, p, 1, method.label());
    }

    /**
     * Whether some expected count is under 5, the condition on which R's {@code chisq.test} warns
     * "Chi-squared approximation may be incorrect".
     */
    public boolean hasSmallExpectedCount() {
        for (double e : expected()) {
            if (e < 5) {
                return true;
            }
        }
        return false;
    }

    private TestResult fisherExact() {
        double[] d = hypergeometric();
        int obs = (int) (groupEvents - lowest());
        double limit = d[obs] * (1 + 1e-7);
        double p = 0;
        for (double v : d) {
            if (v <= limit) {
                p += v;
            }
        }
        return TestResult.of(groupEvents, Math.min(1, p), IndependenceTest.FISHER_EXACT.label());
    }

    private TestResult midPExact() {
        double[] d = hypergeometric();
        int obs = (int) (groupEvents - lowest());
        double le = 0;
        double ge = 0;
        for (int i = 0; i < d.length; i++) {
            if (i <= obs) {
                le += d[i];
            }
            if (i >= obs) {
                ge += d[i];
            }
        }
        double p = 0.5 * (le - ge + 1);
        return TestResult.of(groupEvents, Math.min(1, 2 * Math.min(p, 1 - p)), IndependenceTest.MID_P_EXACT.label());
    }

    private long lowest() {
        long k = (long) (groupEvents + referenceEvents);
        long n0 = (long) referenceTotal;
        return Math.max(0, k - n0);
    }

    private static boolean whole(double x) {
        return x == Math.rint(x) && x < 0x1p53;
    }

    /** Normalised hypergeometric probabilities of a1 over its support, as R's fisher.test computes them. */
    private double[] hypergeometric() {
        if (!(whole(groupEvents) && whole(groupTotal) && whole(referenceEvents) && whole(referenceTotal))) {
            throw new IllegalStateException("exact tests need whole counts, not a continuity-corrected table: " + this);
        }
        long n1 = (long) groupTotal;
        long n0 = (long) referenceTotal;
        long k = (long) (groupEvents + referenceEvents);
        long lo = Math.max(0, k - n0);
        long hi = Math.min(k, n1);
        int size = (int) (hi - lo + 1);
        double[] logd = new double[size];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            long x = lo + i;
            logd[i] = logChoose(n1, x) + logChoose(n0, k - x);
            max = Math.max(max, logd[i]);
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            logd[i] = Math.exp(logd[i] - max);
            sum += logd[i];
        }
        for (int i = 0; i < size; i++) {
            logd[i] /= sum;
        }
        return logd;
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(long n) {
        return LogGamma.value(n + 1.0);
    }

    /** The events and totals of the group and the reference, as in the example above. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TwoByTwo[group %s of %s, reference %s of %s]",
                Format.num(groupEvents), Format.num(groupTotal), Format.num(referenceEvents), Format.num(referenceTotal));
    }
}
