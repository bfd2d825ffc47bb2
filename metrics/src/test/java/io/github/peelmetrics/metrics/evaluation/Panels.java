package io.github.peelmetrics.metrics.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded synthetic area × period panels of Poisson counts for the property tests. */
final class Panels {

    private Panels() {}

    /** A panel and its adoption periods. */
    record Data(List<PanelCount> rows, Map<String, Integer> adoption) {}

    /**
     * Areas {@code A00..}, periods {@code 2010..}; the last {@code treatedAreas} areas adopt at
     * staggered periods (from the third period on); counts Poisson with mean
     * {@code pop · rate · area effect · period effect · rateRatio^{treat_post}}.
     */
    static Data staggered(SplittableRandom r, int areas, int periods, int treatedAreas, double rateRatio) {
        List<PanelCount> rows = new ArrayList<>();
        Map<String, Integer> adoption = new LinkedHashMap<>();
        double[] periodEffect = new double[periods];
        for (int t = 0; t < periods; t++) {
            periodEffect[t] = Math.exp(0.2 * (r.nextDouble() - 0.5));
        }
        for (int a = 0; a < areas; a++) {
            String area = String.format(java.util.Locale.ROOT, "A%02d", a);
            double pop = 5_000 + r.nextDouble() * 45_000;
            double areaEffect = Math.exp(0.6 * (r.nextDouble() - 0.5));
            int first = Integer.MIN_VALUE;
            if (a >= areas - treatedAreas) {
                first = 2010 + 2 + r.nextInt(Math.max(1, periods - 3));
                adoption.put(area, first);
            }
            for (int t = 0; t < periods; t++) {
                int period = 2010 + t;
                double mu = pop * 2e-3 * areaEffect * periodEffect[t] * (period >= first ? rateRatio : 1);
                rows.add(PanelCount.of(area, period, poisson(r, mu), pop * (1 + 0.01 * t)));
            }
        }
        return new Data(rows, adoption);
    }

    /** A Poisson draw by inversion (in chunks of mean at most 500, whose sum is Poisson too). */
    static long poisson(SplittableRandom r, double mu) {
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
}
