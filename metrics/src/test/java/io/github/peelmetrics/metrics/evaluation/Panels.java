package io.github.peelmetrics.metrics.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.peelmetrics.testing.Seeded;
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
                rows.add(PanelCount.of(area, period, Seeded.poisson(r, mu), pop * (1 + 0.01 * t)));
            }
        }
        return new Data(rows, adoption);
    }

}
