package io.github.peelmetrics.core.stats;

import java.util.Locale;
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
 * <p>Conventions follow R's epitools 0.5-10.1 ({@code riskratio.wald}, {@code oddsratio.wald},
 * {@code tab2by2.test}), R's {@code fisher.test} and {@code chisq.test}, and statsmodels'
 * {@code confint_proportions_2indep}: see each method. <b>Zero cells are not corrected</b>: IEEE
 * arithmetic decides, as in epitools (a1 = 0 gives a ratio of 0 with interval [0, NaN]; a0 = 0
 * gives infinity with [NaN, Infinity]). {@link #haldaneCorrected()} gives the Haldane-Anscombe
 * variant (0.5 added to every cell) for those who want finite bounds.
 *
 * <p>Immutable and thread-safe.
 */
public final class TwoByTwo {

    private final double a1;
    private final double b1;
    private final double a0;
    private final double b0;
    private final boolean integral;

    private TwoByTwo(double a1, double b1, double a0, double b0, boolean integral) {
        this.a1 = a1;
        this.b1 = b1;
        this.a0 = a0;
        this.b0 = b0;
        this.integral = integral;
    }

    /**
     * A table from counts.
     *
     * @param groupEvents         a1, events in the group
     * @param groupNonevents      b1, non-events in the group
     * @param referenceEvents     a0, events in the reference group
     * @param referenceNonevents  b0, non-events in the reference group
     * @throws IllegalArgumentException if a count is negative or a group is empty
     */
    public static TwoByTwo of(long groupEvents, long groupNonevents, long referenceEvents, long referenceNonevents) {
        check("groupEvents", groupEvents);
        check("groupNonevents", groupNonevents);
        check("referenceEvents", referenceEvents);
        check("referenceNonevents", referenceNonevents);
        if (groupEvents + groupNonevents == 0) {
            throw new IllegalArgumentException("the group has no observations (a1 + b1 = 0)");
        }
        if (referenceEvents + referenceNonevents == 0) {
            throw new IllegalArgumentException("the reference group has no observations (a0 + b0 = 0)");
        }
        return new TwoByTwo(groupEvents, groupNonevents, referenceEvents, referenceNonevents, true);
    }

    /** A table from events and totals: {@code of(a1, n1 - a1, a0, n0 - a0)}. */
    public static TwoByTwo ofTotals(long groupEvents, long groupTotal, long referenceEvents, long referenceTotal) {
        if (groupEvents > groupTotal) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "group events %d exceed the group total %d", groupEvents, groupTotal));
        }
        if (referenceEvents > referenceTotal) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "reference events %d exceed the reference total %d", referenceEvents, referenceTotal));
        }
        return of(groupEvents, groupTotal - groupEvents, referenceEvents, referenceTotal - referenceEvents);
    }

    private static void check(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }

    /** The table with 0.5 added to every cell (Haldane-Anscombe); exact tests are not defined on it. */
    public TwoByTwo haldaneCorrected() {
        return new TwoByTwo(a1 + 0.5, b1 + 0.5, a0 + 0.5, b0 + 0.5, false);
    }

    /** The same table with the group and the reference swapped. */
    public TwoByTwo swapped() {
        return new TwoByTwo(a0, b0, a1, b1, integral);
    }

    /** Whether any cell is zero. */
    public boolean hasZeroCell() {
        return a1 == 0 || b1 == 0 || a0 == 0 || b0 == 0;
    }

    /** Risk in the group, a1 / n1. */
    public double riskGroup() {
        return a1 / (a1 + b1);
    }

    /** Risk in the reference group, a0 / n0. */
    public double riskReference() {
        return a0 / (a0 + b0);
    }

    private static double z(double level) {
        return Distributions.normalQuantile((1 + Interval.checkLevel(level)) / 2);
    }

    /**
     * Risk ratio {@code RR = (a1/n1)/(a0/n0)} with the Katz log interval
     * {@code exp(log RR ± z·√(1/a1 - 1/n1 + 1/a0 - 1/n0))} (epitools {@code riskratio.wald}).
     */
    public RatioEstimate riskRatio(double level) {
        double n1 = a1 + b1;
        double n0 = a0 + b0;
        double rr = (a1 / n1) / (a0 / n0);
        double se = Math.sqrt(1 / a1 - 1 / n1 + 1 / a0 - 1 / n0);
        return logInterval(rr, se, z(level), level, "katz-log");
    }

    /**
     * Odds ratio {@code OR = a1·b0/(a0·b1)} (the unconditional sample odds ratio) with the Woolf
     * log interval {@code exp(log OR ± z·√(1/a1 + 1/b1 + 1/a0 + 1/b0))} (epitools {@code oddsratio.wald}).
     */
    public RatioEstimate oddsRatio(double level) {
        double or = (a1 * b0) / (a0 * b1);
        double se = Math.sqrt(1 / a1 + 1 / b1 + 1 / a0 + 1 / b0);
        return logInterval(or, se, z(level), level, "woolf-log");
    }

    private static RatioEstimate logInterval(double ratio, double se, double z, double level, String method) {
        double log = Math.log(ratio);
        double lo = Math.exp(log - z * se);
        double hi = Math.exp(log + z * se);
        return new RatioEstimate(ratio, new Interval(lo, hi, level, method));
    }

    /**
     * Risk difference {@code a1/n1 - a0/n0} with the unpooled Wald interval
     * {@code ± z·√(p1(1-p1)/n1 + p0(1-p0)/n0)}, not clipped (statsmodels
     * {@code confint_proportions_2indep(method='wald')}); {@link DifferenceEstimate#clippedToUnit()}
     * gives R {@code prop.test(correct = FALSE)}'s interval.
     */
    public DifferenceEstimate riskDifference(double level) {
        double n1 = a1 + b1;
        double n0 = a0 + b0;
        double p1 = a1 / n1;
        double p0 = a0 / n0;
        double d = p1 - p0;
        double half = z(level) * Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        return new DifferenceEstimate(d, new Interval(d - half, d + half, level, "wald"));
    }

    private double[] expected() {
        double n = a1 + b1 + a0 + b0;
        double ev = a1 + a0;
        double ne = b1 + b0;
        double n1 = a1 + b1;
        double n0 = a0 + b0;
        return new double[] {n1 * ev / n, n1 * ne / n, n0 * ev / n, n0 * ne / n};
    }

    /**
     * Pearson's chi-square test of independence, {@code X² = Σ (O - E)²/E} on 1 degree of freedom
     * (R {@code chisq.test(correct = FALSE)}). NaN when a row or column total is zero.
     */
    public TestResult pearsonChiSquare() {
        return chiSquare(false);
    }

    /**
     * Pearson's chi-square with Yates' continuity correction, {@code Σ (|O - E| - Y)²/E} with
     * {@code Y = min(0.5, |O - E|)} (R {@code chisq.test(correct = TRUE)}), so the correction never
     * flips the sign of a deviation.
     */
    public TestResult pearsonChiSquareYates() {
        return chiSquare(true);
    }

    private TestResult chiSquare(boolean yates) {
        double[] e = expected();
        double[] o = {a1, b1, a0, b0};
        double dev = Math.abs(o[0] - e[0]);
        double y = yates ? Math.min(0.5, dev) : 0;
        double stat = 0;
        for (int i = 0; i < 4; i++) {
            double d = Math.abs(o[i] - e[i]) - y;
            stat += d * d / e[i];
        }
        double p = Double.isNaN(stat) ? Double.NaN : Distributions.chiSquareSf(stat, 1);
        return TestResult.of(stat, p, 1, yates ? "pearson-chi-square-yates" : "pearson-chi-square");
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

    /**
     * Fisher's exact test, two-sided, as R's {@code fisher.test}: the sum of the hypergeometric
     * probabilities of the tables with the observed margins that are no more likely than the
     * observed one, {@code P(table) <= P(observed)·(1 + 1e-7)}. The statistic is the observed a1.
     *
     * @throws IllegalStateException on a {@linkplain #haldaneCorrected() corrected} table
     */
    public TestResult fisherExact() {
        double[] d = hypergeometric();
        int obs = (int) (a1 - lowest());
        double limit = d[obs] * (1 + 1e-7);
        double p = 0;
        for (double v : d) {
            if (v <= limit) {
                p += v;
            }
        }
        return TestResult.of(a1, Math.min(1, p), "fisher-exact");
    }

    /**
     * The two-sided mid-p exact test of epitools' {@code tab2by2.test} ({@code midp.exact}):
     * {@code 2·min(P, 1 - P)} with {@code P = ½(P(X ≤ a1) - P(X ≥ a1) + 1)}, X the central
     * hypergeometric count of group events given the margins. Rothman and Greenland, Modern
     * Epidemiology (1998).
     *
     * @throws IllegalStateException on a {@linkplain #haldaneCorrected() corrected} table
     */
    public TestResult midPExact() {
        double[] d = hypergeometric();
        int obs = (int) (a1 - lowest());
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
        return TestResult.of(a1, Math.min(1, 2 * Math.min(p, 1 - p)), "mid-p-exact");
    }

    private long lowest() {
        long n1 = (long) (a1 + b1);
        long k = (long) (a1 + a0);
        long n0 = (long) (a0 + b0);
        return Math.max(0, k - n0);
    }

    /** Normalised hypergeometric probabilities of a1 over its support, as R's fisher.test computes them. */
    private double[] hypergeometric() {
        if (!integral) {
            throw new IllegalStateException("exact tests need integer counts, not a continuity-corrected table");
        }
        long n1 = (long) (a1 + b1);
        long n0 = (long) (a0 + b0);
        long k = (long) (a1 + a0);
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TwoByTwo[group %s/%s, reference %s/%s]",
                Format.num(a1), Format.num(a1 + b1), Format.num(a0), Format.num(a0 + b0));
    }
}
