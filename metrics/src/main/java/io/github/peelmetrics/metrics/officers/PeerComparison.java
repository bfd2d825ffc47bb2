package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.metrics.trend.PoissonRate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Officers compared with their peers by indirect standardisation: each officer's observed event
 * count against the count expected from the pooled rates of the strata (peer groups) the officer
 * worked in, given the officer's exposure there.
 *
 * <p>Formulas (as the conformance cases {@code metrics/officer_comparison.json}, computed in R
 * 4.2.2): stratum rate {@code r_s = Σ_i O_is / Σ_i x_is} over all officers (the officer under
 * study included); expected {@code E_i = Σ_s x_is r_s}; observed {@code O_i = Σ_s O_is};
 * ratio {@code O_i / E_i} with the exact Poisson interval of R {@code poisson.test(O, E)}; the
 * Poisson upper tail {@code P(X >= O_i | E_i)} and its Benjamini-Hochberg adjustment over all
 * officers; Pearson's dispersion (see {@link PearsonDispersion}). With one stratum the expected
 * counts use the pooled rate and {@code Σ E = Σ O}.
 *
 * <p>The Poisson p-values hold their false-discovery rate only when the counts are Poisson about
 * their expected values. Complaint counts rarely are (officers differ for reasons the strata do
 * not capture), so read {@link #pearson()} first, and when the dispersion is well above 1 use
 * {@link Funnel#spiegelhalter(PeerComparison)}, whose additive random-effects model is the
 * recommended screen (Spiegelhalter 2005; Spiegelhalter, Sherlaw-Johnson et al. 2012).
 *
 * <p>Input rules: rows for the same officer and stratum are summed (exposure may come split by
 * month); a stratum with no exposure at all is left out of {@link #strata()}; an officer with no
 * exposure, or whose strata saw no events (expected count 0), cannot be compared and is rejected
 * with a message naming the officer; so are fewer than two officers. Officers are listed in the
 * code-point order of their ids. Immutable and thread-safe.
 *
 * <pre>{@code
 * jshell> PeerComparison.of(List.of(
 *    ...>     ExposureRecord.of("A", "day", 100, 2), ExposureRecord.of("B", "day", 100, 6),
 *    ...>     ExposureRecord.of("B", "night", 50, 9), ExposureRecord.of("C", "night", 150, 9)))
 * 3 officers in 2 strata, 26 events; Pearson chi2 7.47 on 2 df, dispersion 3.735 (p 0.0239)
 * officer  observed  expected  ratio  95% exact       Poisson p  BH
 * A               2     4.000  0.500  [0.061, 1.806]  0.9084     0.9210
 * B              15     8.500  1.765  [0.988, 2.911]  0.0274     0.0823
 * C               9     13.50  0.667  [0.305, 1.266]  0.9210     0.9210
 * }</pre>
 *
 * @param strata   every stratum with exposure: observed, exposure, pooled rate; in code-point order
 * @param officers every officer's ratio, in code-point order of the ids
 * @param pearson  Pearson's dispersion of the counts about the expected counts
 * @param level    the confidence level of the intervals
 */
public record PeerComparison(List<StratumRate> strata, List<OfficerRatio> officers, PearsonDispersion pearson,
        double level) {

    /** Copies the lists. */
    public PeerComparison {
        strata = List.copyOf(strata);
        officers = List.copyOf(officers);
        Objects.requireNonNull(pearson, "pearson");
        Checks.level(level, "PeerComparison");
    }

    /** {@link #of(Collection, double)} with 95% intervals. */
    public static PeerComparison of(Collection<ExposureRecord> records) {
        return of(records, Interval.DEFAULT_LEVEL);
    }

    /**
     * Compares every officer of {@code records} with the peers in the same strata.
     *
     * @param records one row per officer and stratum worked (several rows of the same pair are summed)
     * @param level   the confidence level of the exact intervals, in (0, 1)
     * @throws IllegalArgumentException for fewer than two officers, an officer without exposure, or an
     *                                  officer whose strata saw no events (the message names the officer)
     */
    public static PeerComparison of(Collection<ExposureRecord> records, double level) {
        Objects.requireNonNull(records, "records");
        Checks.level(level, "PeerComparison");
        Map<String, Map<String, double[]>> byOfficer = new TreeMap<>(PeerComparison::compareCodePoints);
        Map<String, double[]> byStratum = new TreeMap<>(PeerComparison::compareCodePoints);
        for (ExposureRecord r : records) {
            Objects.requireNonNull(r, "an ExposureRecord is null");
            double[] cell = byOfficer.computeIfAbsent(r.officer(), k -> new TreeMap<>(PeerComparison::compareCodePoints))
                    .computeIfAbsent(r.stratum(), k -> new double[2]);
            cell[0] += r.exposure();
            cell[1] += r.count();
            double[] s = byStratum.computeIfAbsent(r.stratum(), k -> new double[2]);
            s[0] += r.exposure();
            s[1] += r.count();
        }
        if (byOfficer.size() < 2) {
            throw new IllegalArgumentException("PeerComparison needs at least 2 officers to compare: " + byOfficer.size()
                    + (byOfficer.isEmpty() ? "" : " (" + byOfficer.keySet().iterator().next() + ")"));
        }
        List<StratumRate> strata = new ArrayList<>();
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : byStratum.entrySet()) {
            double x = e.getValue()[0];
            if (x > 0) {
                long o = (long) e.getValue()[1];
                strata.add(new StratumRate(e.getKey(), o, x, o / x));
                rate.put(e.getKey(), o / x);
            }
        }
        int n = byOfficer.size();
        String[] ids = new String[n];
        long[] observed = new long[n];
        double[] exposure = new double[n];
        double[] expected = new double[n];
        int i = 0;
        for (Map.Entry<String, Map<String, double[]>> e : byOfficer.entrySet()) {
            ids[i] = e.getKey();
            for (Map.Entry<String, double[]> cell : e.getValue().entrySet()) {
                exposure[i] += cell.getValue()[0];
                observed[i] += (long) cell.getValue()[1];
                if (cell.getValue()[0] > 0) {
                    expected[i] += cell.getValue()[0] * rate.get(cell.getKey());
                }
            }
            if (!(exposure[i] > 0)) {
                throw new IllegalArgumentException("officer " + ids[i] + " has no exposure: cannot be compared with peers");
            }
            if (!(expected[i] > 0)) {
                throw new IllegalArgumentException("officer " + ids[i] + " worked only in strata without events "
                        + e.getValue().keySet() + ": the expected count is 0, so the officer cannot be compared");
            }
            i++;
        }
        double[] p = new double[n];
        double chi2 = 0;
        for (int k = 0; k < n; k++) {
            p[k] = Distributions.poissonUpperTail(observed[k], expected[k]);
            chi2 += (observed[k] - expected[k]) * (observed[k] - expected[k]) / expected[k];
        }
        double[] bh = Adjustment.BENJAMINI_HOCHBERG.adjust(p);
        List<OfficerRatio> officers = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Interval ci = PoissonRate.of(observed[k], expected[k]).exactInterval(level);
            officers.add(new OfficerRatio(ids[k], observed[k], exposure[k], expected[k], observed[k] / expected[k],
                    Interval.of(ci.lower(), ci.upper(), "exact-poisson", level), p[k], bh[k]));
        }
        int df = n - 1;
        PearsonDispersion pearson = new PearsonDispersion(chi2, df, chi2 / df,
                TestResult.of(chi2, Distributions.chiSquareSf(chi2, df), df, "Pearson chi-square dispersion"));
        return new PeerComparison(strata, officers, pearson, level);
    }

    /** Orders ids by Unicode code points (C locale), not UTF-16 units. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * One officer's ratio.
     *
     * @throws IllegalArgumentException if the officer is not compared here (the message lists who is)
     */
    public OfficerRatio officer(String officer) {
        for (OfficerRatio r : officers) {
            if (r.officer().equals(officer)) {
                return r;
            }
        }
        throw Checks.notHeld("PeerComparison", "officer", officer, officers.stream().map(OfficerRatio::officer).toList());
    }

    /** The total observed count, which equals the total expected count. */
    public long totalObserved() {
        return officers.stream().mapToLong(OfficerRatio::observed).sum();
    }

    /** The total exposure of all officers. */
    public double totalExposure() {
        return strata.stream().mapToDouble(StratumRate::exposure).sum();
    }

    /** The pooled rate of all officers, {@code totalObserved() / totalExposure()}. */
    public double overallRate() {
        return totalObserved() / totalExposure();
    }

    /** A summary line and one row per officer (at most {@value Checks#LISTED}, the rest counted). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(officers.size()).append(" officers in ").append(strata.size())
                .append(strata.size() == 1 ? " stratum, " : " strata, ").append(totalObserved()).append(" events; ")
                .append(pearson).append('\n');
        int w = Math.max(7, officers.stream().mapToInt(r -> r.officer().length()).max().orElse(7));
        String head = Format.percent(level) + "% exact";
        sb.append(Format.f("%-" + w + "s  %8s  %8s  %5s  %-14s  %-9s  %s", "officer", "observed", "expected", "ratio",
                head, "Poisson p", "BH"));
        int shown = Math.min(officers.size(), Checks.LISTED);
        for (int k = 0; k < shown; k++) {
            OfficerRatio r = officers.get(k);
            sb.append('\n').append(Format.f("%-" + w + "s  %8d  %8s  %5s  %-14s  %-9s  %s", r.officer(), r.observed(),
                    Format.cell(r.expected()), Format.cell(r.estimate()),
                    "[" + Format.cell(r.interval().lower()) + ", " + Format.cell(r.interval().upper()) + "]",
                    Format.p(r.pUpper()), Format.p(r.pUpperBh())));
        }
        if (shown < officers.size()) {
            sb.append('\n').append("... ").append(officers.size() - shown).append(" more officers");
        }
        return sb.toString();
    }
}
