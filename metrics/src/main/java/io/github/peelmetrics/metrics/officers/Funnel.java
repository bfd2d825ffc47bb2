package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Funnel plots of officers' standardised ratios with over-dispersion handled as the funnel-plot
 * literature does.
 *
 * <ul>
 *   <li>{@link #spiegelhalter(PeerComparison)}: Spiegelhalter (2005, "Handling over-dispersion of
 *       performance indicators", Qual Saf Health Care 14:347-351) on the square-root scale with 10%
 *       winsorisation, the multiplicative dispersion {@code phi} and the additive random-effects
 *       variance {@code tau2} (DerSimonian and Laird 1986, Control Clin Trials 7:177, moment form),
 *       z-scores, Benjamini-Hochberg-adjusted p-values under the over-dispersed models and limits at
 *       any level. <b>The recommended screen is its additive model</b>
 *       ({@link FunnelModel#ADDITIVE_RANDOM_EFFECTS}; Spiegelhalter, Sherlaw-Johnson, Bardsley et al.
 *       2012, "Statistical methods for healthcare regulation: rating, screening and surveillance",
 *       J R Stat Soc A 175:1-47): a busy officer is not flagged merely for being precisely measured.</li>
 *   <li>{@link #funnelPlotR(PeerComparison, FunnelPlotRMethod)}: FunnelPlotR 0.6.0's own figures, to
 *       compare with reports made with that package. Its default ({@link FunnelPlotRMethod#SHMI})
 *       differs from the textbook: the expected count is rounded to 2 decimals, the z-scores are on
 *       the log scale, and the 10% tails are truncated (left out of phi) rather than winsorised; its
 *       limits use the constants 1.959964 and 3.090232. Its {@link FunnelPlotRMethod#CQC} method
 *       computes phi and tau2 as Spiegelhalter but returns the limits on the {@code sqrt(O/E)} scale
 *       without squaring them back (FunnelPlotR issue #33), so its outlier flags are wrong.</li>
 * </ul>
 *
 * <pre>{@code
 * jshell> Funnel.spiegelhalter(PeerComparison.of(List.of(
 *    ...>     ExposureRecord.of("A", "all", 100, 2), ExposureRecord.of("B", "all", 100, 9),
 *    ...>     ExposureRecord.of("C", "all", 100, 11), ExposureRecord.of("D", "all", 100, 30),
 *    ...>     ExposureRecord.of("E", "all", 100, 8))))
 * Spiegelhalter funnel of 5 officers: Pearson chi2 37.50 on 4 df, dispersion 9.375 (p 1.42e-07)
 * phi 3.331 (10% winsorised each tail, 2 clamped), phi used 3.331, tau2 0.06592
 * model                    95% high  95% low  99.8% high  99.8% low
 * UNADJUSTED                      1        1           1          1
 * MULTIPLICATIVE                  1        1           0          0
 * ADDITIVE_RANDOM_EFFECTS         1        1           0          0
 * }</pre>
 *
 * <p>Every method is a pure function of its arguments; results are immutable and thread-safe.
 */
public final class Funnel {

    /** The fraction winsorised or truncated in each tail by default: 0.1, as Spiegelhalter 2005 and FunnelPlotR. */
    public static final double DEFAULT_TRIM = 0.1;

    /** FunnelPlotR's rounded normal quantiles for its 95% and 99.8% limits (not {@code qnorm}). */
    private static final double FPR_95 = 1.959964;
    private static final double FPR_998 = 3.090232;

    private Funnel() {}

    /** {@link #spiegelhalter(PeerComparison, double)} with 10% winsorised in each tail. */
    public static SpiegelhalterFunnel spiegelhalter(PeerComparison ratios) {
        return spiegelhalter(ratios, DEFAULT_TRIM);
    }

    /**
     * Spiegelhalter's over-dispersed funnel on the square-root scale: {@code y = sqrt(O/E)},
     * {@code s = 1/(2 sqrt E)}, {@code z = (y - 1)/s}; winsorised {@code z_w = min(max(z, q_trim), q_1-trim)}
     * with R's type-7 quantiles; {@code phi = mean(z_w²)} over all officers; {@code tau2} by
     * DerSimonian-Laird; per officer the multiplicative and additive z-scores, upper and two-sided
     * p-values and their Benjamini-Hochberg adjustments over all officers.
     *
     * @param ratios the officers compared with their peers
     * @param trim   the fraction winsorised in each tail, in [0, 0.5)
     * @throws IllegalArgumentException if {@code trim} is outside [0, 0.5) or NaN
     */
    public static SpiegelhalterFunnel spiegelhalter(PeerComparison ratios, double trim) {
        Objects.requireNonNull(ratios, "ratios");
        checkTrim(trim);
        List<OfficerRatio> officers = ratios.officers();
        int n = officers.size();
        double[] y = new double[n];
        double[] s = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            OfficerRatio r = officers.get(i);
            y[i] = Math.sqrt(r.observed() / r.expected());
            s[i] = 1 / (2 * Math.sqrt(r.expected()));
            z[i] = (y[i] - 1) / s[i];
        }
        double lz = quantileType7(z, trim);
        double uz = quantileType7(z, 1 - trim);
        double[] zw = new double[n];
        int clamped = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            zw[i] = z[i] < lz ? lz : z[i] > uz ? uz : z[i];
            if (z[i] < lz || z[i] > uz) {
                clamped++;
            }
            sumSq += zw[i] * zw[i];
        }
        double phi = sumSq / n;
        double phiUsed = phi > 1 ? phi : 1;
        double tau2 = tau2(n, phi, s);
        double[] zm = new double[n];
        double[] za = new double[n];
        double[] pm = new double[n];
        double[] pa = new double[n];
        double[] p2 = new double[n];
        for (int i = 0; i < n; i++) {
            zm[i] = z[i] / Math.sqrt(phiUsed);
            za[i] = (y[i] - 1) / Math.sqrt(s[i] * s[i] + tau2);
            pm[i] = Distributions.normalSf(zm[i]);
            pa[i] = Distributions.normalSf(za[i]);
            p2[i] = 2 * Distributions.normalCdf(-Math.abs(za[i]));
        }
        double[] pmBh = Adjustment.BENJAMINI_HOCHBERG.adjust(pm);
        double[] paBh = Adjustment.BENJAMINI_HOCHBERG.adjust(pa);
        double[] p2Bh = Adjustment.BENJAMINI_HOCHBERG.adjust(p2);
        List<FunnelPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OfficerRatio r = officers.get(i);
            points.add(new FunnelPoint(r.officer(), r.observed(), r.expected(), y[i], s[i], z[i], zw[i], zm[i], za[i],
                    pm[i], pmBh[i], pa[i], paBh[i], p2[i], p2Bh[i]));
        }
        return new SpiegelhalterFunnel(trim, lz, uz, clamped, phi, phiUsed, tau2, ratios.pearson(), points);
    }

    /**
     * FunnelPlotR 0.6.0's {@code funnel_plot(data_type = "SR", sr_method = method)} with its other
     * defaults ({@code trim_by = 0.1}, {@code SHMI_rounding = TRUE}), numerator O and denominator E
     * of each officer. See {@link FunnelPlotRMethod} for what each method computes.
     *
     * @throws IllegalArgumentException under SHMI, if an officer's expected count rounds to 0.00 (the
     *                                  log-scale z-score is then undefined; FunnelPlotR would return NaN)
     */
    public static FunnelPlotRFunnel funnelPlotR(PeerComparison ratios, FunnelPlotRMethod method) {
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(method, "method");
        List<OfficerRatio> officers = ratios.officers();
        int n = officers.size();
        double[] den = new double[n];
        double[] s = new double[n];
        double[] z = new double[n];
        boolean shmi = method == FunnelPlotRMethod.SHMI;
        for (int i = 0; i < n; i++) {
            OfficerRatio r = officers.get(i);
            if (shmi) {
                den[i] = new BigDecimal(r.expected()).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
                if (den[i] == 0) {
                    throw new IllegalArgumentException(Format.f("expected count of officer %s rounds to 0.00 (%s): "
                            + "FunnelPlotR's SHMI z-score log(O/E) is undefined; use CQC or Funnel.spiegelhalter",
                            r.officer(), Format.num(r.expected())));
                }
                s[i] = 1 / Math.sqrt(den[i]);
                z[i] = Math.sqrt(den[i]) * Math.log(r.observed() / den[i]);
            } else {
                den[i] = r.expected();
                s[i] = 1 / (2 * Math.sqrt(den[i]));
                z[i] = (Math.sqrt(r.observed() / den[i]) - 1) / s[i];
            }
        }
        boolean[] excluded = new boolean[n];
        double phi;
        double tau2;
        if (shmi) {
            double[] rank = averageRanks(z);
            double k = 1 / DEFAULT_TRIM;
            double maxk = k - 1;
            List<Double> kept = new ArrayList<>();
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double group = Math.floor(rank[i] * k / (n + 1));
                excluded[i] = !(group > 0 && group < maxk);
                if (!excluded[i]) {
                    kept.add(s[i]);
                    sumSq += z[i] * z[i];
                }
            }
            int m = kept.size();
            phi = m == 0 ? Double.NaN : sumSq / m;
            tau2 = tau2(m, phi, kept.stream().mapToDouble(Double::doubleValue).toArray());
        } else {
            double lz = quantileType7(z, DEFAULT_TRIM);
            double uz = quantileType7(z, 1 - DEFAULT_TRIM);
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                excluded[i] = !(z[i] > lz && z[i] < uz);
                double w = z[i] < lz ? lz : z[i] > uz ? uz : z[i];
                sumSq += w * w;
            }
            phi = sumSq / n;
            tau2 = tau2(n, phi, s);
        }
        boolean drawAdjusted = phi > 1;
        List<FunnelPlotRPoint> points = new ArrayList<>(n);
        List<String> out95 = new ArrayList<>();
        List<String> out998 = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < n; i++) {
            OfficerRatio r = officers.get(i);
            double e = den[i];
            Interval od95;
            Interval od998;
            if (shmi) {
                double sd = Math.sqrt(1 / e + tau2);
                od95 = Interval.of(Math.exp(-FPR_95 * sd), Math.exp(FPR_95 * sd), "funnelplotr-shmi", 0.95);
                od998 = Interval.of(Math.exp(-FPR_998 * sd), Math.exp(FPR_998 * sd), "funnelplotr-shmi", 0.998);
            } else {
                double se = 1 / (2 * Math.sqrt(e));
                double sd = Math.sqrt(se * se + tau2);
                od95 = Interval.of(1 - FPR_95 * sd, 1 + FPR_95 * sd, "funnelplotr-cqc-sqrt-scale", 0.95);
                od998 = Interval.of(1 - FPR_998 * sd, 1 + FPR_998 * sd, "funnelplotr-cqc-sqrt-scale", 0.998);
            }
            Interval p95 = poissonLimits(e, 0.95);
            Interval p998 = poissonLimits(e, 0.998);
            double rr = r.observed() / r.expected();
            boolean o95 = !(drawAdjusted ? od95 : p95).contains(rr);
            boolean o998 = !(drawAdjusted ? od998 : p998).contains(rr);
            if (o95) {
                out95.add(r.officer());
            }
            if (o998) {
                out998.add(r.officer());
            }
            if (!excluded[i]) {
                used++;
            }
            points.add(new FunnelPlotRPoint(r.officer(), e, rr, z[i], excluded[i], od95, od998, p95, p998, o95, o998));
        }
        return new FunnelPlotRFunnel(method, phi, tau2, drawAdjusted, used, points, out95, out998);
    }

    /** FunnelPlotR's exact Poisson limits for a count with mean {@code e}: {@code [qchisq(α/2, 2e), qchisq(1-α/2, 2(e+1))]/(2e)}. */
    private static Interval poissonLimits(double e, double level) {
        double a = (1 - level) / 2;
        double lower = Distributions.gammaQuantile(a, e) / e;
        double upper = Distributions.gammaQuantile(1 - a, e + 1) / e;
        return Interval.of(lower, upper, "funnelplotr-poisson", level);
    }

    /** DerSimonian-Laird as FunnelPlotR's {@code tau_func}: 0 if {@code n·phi < n - 1}, else the moment estimate with {@code w = 1/s²}. */
    static double tau2(int n, double phi, double[] s) {
        if (s.length == 0 || n * phi < n - 1) {
            return 0;
        }
        double sw = 0;
        double sw2 = 0;
        for (double si : s) {
            double w = 1 / (si * si);
            sw += w;
            sw2 += w * w;
        }
        return Math.max(0, (n * phi - (n - 1)) / (sw - sw2 / sw));
    }

    /** R's {@code quantile(x, p)} (type 7): {@code h = 1 + (n-1)p}, linear interpolation between order statistics. */
    static double quantileType7(double[] x, double p) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double index = 1 + (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo - 1];
        double h = index - lo;
        if (index > lo && sorted[hi - 1] != qs) {
            qs = (1 - h) * qs + h * sorted[hi - 1];
        }
        return qs;
    }

    /** Ranks, ties given their average rank (R {@code rank(ties.method = "average")}). */
    static double[] averageRanks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = avg;
            }
            i = j + 1;
        }
        return rank;
    }

    private static void checkTrim(double trim) {
        if (!(trim >= 0 && trim < 0.5)) {
            throw new IllegalArgumentException("trim of a Spiegelhalter funnel must be in [0, 0.5): " + trim);
        }
    }
}
