package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Cochran-Armitage test for a linear trend in proportions over ordered groups (survey waves,
 * years), as R {@code prop.trend.test} (Cochran 1954; Armitage 1955), with Armitage's
 * chi-square for departure from the linear trend.
 *
 * <p>For {@code k} groups with {@code x_i} successes of {@code n_i} and scores {@code s_i}
 * (default {@code 1..k}), {@code N = Σn}, {@code p̄ = Σx/N}, {@code s̄ = Σn_i s_i/N}:
 * <pre>
 *   z  = Σ x_i (s_i - s̄) / sqrt(p̄(1 - p̄) Σ n_i (s_i - s̄)²)      (variance with N, as prop.trend.test)
 *   χ²_trend = z²,  1 df;    z &gt; 0 when the proportion rises with the score
 *   X² = Σ (x_i - n_i p̄)² / (n_i p̄(1 - p̄))                          (Pearson, k - 1 df; = prop.test)
 *   χ²_departure = X² - z²,  k - 2 df
 * </pre>
 * {@link #zPermutation()} is the linear-by-linear statistic with the permutation variance,
 * {@code z·sqrt((N-1)/N)} (statsmodels {@code Table.test_ordinal_association} with
 * {@code shift_zeros=False}; Agresti 2002, §3.4.6). When every observation is a success or every
 * one a failure, {@code p̄(1 - p̄) = 0} and the statistics are NaN, as in R. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * jshell> CochranArmitage.test(new long[] {601, 651, 865}, new long[] {1002, 1001, 1201}, 2013, 2015, 2016)
 * CochranArmitage[60.0% 65.0% 72.0%, z=5.78, chi2=33.38, p=7.58e-09, departure chi2=2.67 (df 1, p=0.1025)]
 * }</pre>
 *
 * @param successes                the successes per group, in order
 * @param totals                   the group sizes
 * @param scores                   the group scores
 * @param proportions              the proportions {@code x_i/n_i}
 * @param z                        the signed trend statistic
 * @param pValue                   its two-sided normal p-value
 * @param testResult               the trend chi-square {@code z²} on 1 df with its chi-square p-value, as
 *                                 R's {@code prop.trend.test} reports it (method {@code cochran-armitage};
 *                                 its p-value equals {@code pValue} up to rounding)
 * @param departureFromLinearTrend Armitage's chi-square for departure from a linear trend,
 *                                 {@code X² - z²} on {@code k - 2} df; empty for two groups, where the
 *                                 trend uses all the information
 */
public record CochranArmitage(List<Long> successes, List<Long> totals, List<Double> scores, List<Double> proportions,
                              double z, double pValue, TestResult testResult,
                              Optional<TestResult> departureFromLinearTrend) {

    /** Validates and copies. */
    public CochranArmitage {
        successes = List.copyOf(successes);
        totals = List.copyOf(totals);
        scores = List.copyOf(scores);
        proportions = List.copyOf(proportions);
        Objects.requireNonNull(testResult, "testResult of CochranArmitage must not be null");
        Objects.requireNonNull(departureFromLinearTrend, "departureFromLinearTrend of CochranArmitage must not be null");
        if (successes.size() != totals.size() || scores.size() != totals.size() || proportions.size() != totals.size()
                || totals.size() < 2) {
            throw new IllegalArgumentException(Format.f(
                    "CochranArmitage: successes, totals, scores and proportions need one entry per group and at least "
                            + "2 groups: %d, %d, %d, %d", successes.size(), totals.size(), scores.size(),
                    proportions.size()));
        }
    }

    /**
     * The test with scores {@code 1..k}.
     *
     * @param successes successes per group, in order
     * @param totals    group sizes
     * @throws IllegalArgumentException when the lengths differ, there are fewer than 2 groups, a
     *                                  total is not positive or a count is outside {@code 0..n}
     */
    public static CochranArmitage test(long[] successes, long[] totals) {
        Objects.requireNonNull(totals, "totals");
        double[] s = new double[totals.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = i + 1;
        }
        return test(successes, totals, s);
    }

    /**
     * The test with the given scores (e.g. the survey years).
     *
     * @param successes successes per group, in order
     * @param totals    group sizes
     * @param scores    one finite score per group, not all equal
     * @throws IllegalArgumentException as {@link #test(long[], long[])}, or when a score is not
     *                                  finite or all scores are equal
     */
    public static CochranArmitage test(long[] successes, long[] totals, double... scores) {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(scores, "scores");
        int k = totals.length;
        if (successes.length != k || scores.length != k || k < 2) {
            throw new IllegalArgumentException(Format.f(
                    "CochranArmitage: successes, totals and scores need one entry per group and at least 2 groups: %d, %d, %d",
                    successes.length, k, scores.length));
        }
        List<Long> xs = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        List<Double> ss = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (totals[i] <= 0) {
                throw new IllegalArgumentException(Format.f("CochranArmitage: total of group %d must be positive: %d", i + 1, totals[i]));
            }
            if (successes[i] < 0 || successes[i] > totals[i]) {
                throw new IllegalArgumentException(Format.f("CochranArmitage: successes of group %d must be in 0..%d: %d",
                        i + 1, totals[i], successes[i]));
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(Format.f("CochranArmitage: score of group %d must be finite: %s", i + 1, scores[i]));
            }
            xs.add(successes[i]);
            ns.add(totals[i]);
            ss.add(scores[i]);
        }
        double[] sums = sums(xs, ns, ss);
        if (sums[4] == 0) {
            throw new IllegalArgumentException("CochranArmitage: all scores are equal, there is no order to test: " + ss);
        }
        double z = sums[3] / Math.sqrt(sums[2] * (1 - sums[2]) * sums[4]);
        List<Double> proportions = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            proportions.add((double) successes[i] / totals[i]);
        }
        double chi2 = z * z;
        TestResult trend = TestResult.of(chi2, Distributions.chiSquareSf(chi2, 1), 1, "cochran-armitage");
        Optional<TestResult> departure = Optional.empty();
        if (k >= 3) {
            double d = Math.max(0, pearson(xs, ns, sums[2]) - chi2);
            departure = Optional.of(TestResult.of(d, Distributions.chiSquareSf(d, k - 2), k - 2,
                    "departure-from-linear-trend"));
        }
        return new CochranArmitage(xs, ns, ss, proportions, z, Distributions.normalTwoSided(z), trend, departure);
    }

    /** {N, s̄, p̄, Σx(s - s̄), Σn(s - s̄)²}. */
    private static double[] sums(List<Long> x, List<Long> n, List<Double> s) {
        double big = 0;
        double succ = 0;
        double ns = 0;
        for (int i = 0; i < n.size(); i++) {
            big += n.get(i);
            succ += x.get(i);
            ns += n.get(i) * s.get(i);
        }
        double sbar = ns / big;
        double num = 0;
        double ss = 0;
        for (int i = 0; i < n.size(); i++) {
            double d = s.get(i) - sbar;
            num += x.get(i) * d;
            ss += n.get(i) * d * d;
        }
        return new double[] {big, sbar, succ / big, num, ss};
    }

    /** The trend chi-square {@code z²} on 1 df, R's {@code prop.trend.test} statistic ({@code testResult().statistic()}). */
    public double chiSquare() {
        return testResult.statistic();
    }

    /** The p-value of {@link #z()} under {@code alternative}; {@code INCREASING} means the proportion rises with the score. */
    public double pValue(Alternative alternative) {
        return Objects.requireNonNull(alternative, "alternative").pValue(z);
    }

    /** The linear-by-linear statistic with the permutation variance, {@code z·sqrt((N-1)/N)}. */
    public double zPermutation() {
        double big = sums(successes, totals, scores)[0];
        return z * Math.sqrt((big - 1) / big);
    }

    /** Pearson's chi-square for equal proportions on {@code k - 1} df (R {@code prop.test(x, n, correct = FALSE)}). */
    public TestResult homogeneity() {
        double x2 = pearson(successes, totals, sums(successes, totals, scores)[2]);
        double df = totals.size() - 1;
        return TestResult.of(x2, Distributions.chiSquareSf(x2, df), df, "pearson-chi-square");
    }

    private static double pearson(List<Long> successes, List<Long> totals, double pbar) {
        double x2 = 0;
        for (int i = 0; i < totals.size(); i++) {
            double e = totals.get(i) * pbar;
            double d = successes.get(i) - e;
            x2 += d * d / (e * (1 - pbar));
        }
        return x2;
    }

    @Override
    public String toString() {
        StringBuilder p = new StringBuilder();
        for (double v : proportions) {
            p.append(p.length() == 0 ? "" : " ").append(Format.f("%.1f%%", 100 * v));
        }
        return "CochranArmitage[" + p + ", z=" + Format.stat(z) + ", chi2=" + Format.stat(chiSquare()) + ", p=" + Format.p(pValue)
                + departureFromLinearTrend.map(d -> ", departure chi2=" + Format.stat(d.statistic())
                        + " (df " + (int) d.degreesOfFreedom().orElseThrow() + ", p=" + Format.p(d.pValue()) + ")").orElse("")
                + "]";
    }
}
