package io.github.peelmetrics.examples.data;

import io.github.peelmetrics.metrics.evaluation.PanelCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A <b>synthetic</b> staged rollout shaped like Cook County's community prosecution (offices
 * opened in stages in some areas, others never got one, and crime fell about 10 percent compared
 * with areas without one): yearly crime counts of areas by population, not calibrated to any real
 * place. Do not draw conclusions about any real program from it.
 *
 * <p>{@link #cookCountyLike(long)}: 60 areas ({@code D01..D60}) over 2008-2019; 8 areas adopt in
 * 2012, 8 in 2014 and 8 in 2016, 36 never do. Counts are Poisson around
 * {@code population × 0.02 × area effect × year effect × 0.90^{adopted}} times a log-normal
 * area-year disturbance (sd 0.05, so the counts are over-dispersed as real ones are). The same seed
 * gives the same panel.
 *
 * @param rows          one row per area and year
 * @param adoption      the year each adopting area opened its office
 * @param trueRateRatio the rate ratio built in (0.90)
 */
public record StagedRollout(List<PanelCount> rows, Map<String, Integer> adoption, double trueRateRatio) {

    /** Validates and copies. */
    public StagedRollout {
        rows = List.copyOf(rows);
        adoption = Collections.unmodifiableMap(new LinkedHashMap<>(adoption));
    }

    /** The panel drawn with {@code seed}. */
    public static StagedRollout cookCountyLike(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double trueRateRatio = 0.90;
        int first = 2008;
        int years = 12;
        double[] yearEffect = new double[years];
        for (int t = 0; t < years; t++) {
            yearEffect[t] = Math.exp(-0.02 * t + 0.04 * r.nextGaussian());
        }
        List<PanelCount> rows = new ArrayList<>();
        Map<String, Integer> adoption = new LinkedHashMap<>();
        int[] cohorts = {2012, 2014, 2016};
        for (int a = 0; a < 60; a++) {
            String area = String.format(Locale.ROOT, "D%02d", a + 1);
            int start = a % 5 == 0 || a % 5 == 2 ? cohorts[(a / 5) % 3] : Integer.MAX_VALUE;
            if (start != Integer.MAX_VALUE) {
                adoption.put(area, start);
            }
            double pop = 20_000 + r.nextDouble() * 80_000;
            double areaEffect = Math.exp(0.3 * r.nextGaussian());
            for (int t = 0; t < years; t++) {
                int year = first + t;
                double mu = pop * 0.02 * areaEffect * yearEffect[t] * (year >= start ? trueRateRatio : 1)
                        * Math.exp(0.05 * r.nextGaussian());
                rows.add(PanelCount.of(area, year, poisson(r, mu), Math.round(pop * (1 + 0.005 * t))));
            }
        }
        return new StagedRollout(rows, adoption, trueRateRatio);
    }

    /** A Poisson draw: by inversion in chunks of mean at most 500 (a sum of Poisson draws is Poisson). */
    private static long poisson(SplittableRandom r, double mu) {
        long total = 0;
        while (mu > 0) {
            double m = Math.min(mu, 500);
            mu -= m;
            double u = r.nextDouble();
            double p = Math.exp(-m);
            double cdf = p;
            long k = 0;
            while (u > cdf && k < 100_000) {
                k++;
                p *= m / k;
                cdf += p;
            }
            total += k;
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "synthetic staged rollout: %d areas x %d years, %d adopting (%s), true rate "
                + "ratio %.2f", rows.stream().map(PanelCount::area).distinct().count(),
                rows.stream().map(PanelCount::period).distinct().count(), adoption.size(),
                new java.util.TreeSet<>(adoption.values()), trueRateRatio);
    }
}
