package io.github.peelmetrics.metrics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariances of the count evaluations, and the coverage of their intervals under no effect. */
class CountEvaluationPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(25);
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-8 * Math.max(1, Math.abs(expected)), what);
    }

    private static void sameRegression(CountRegression a, CountRegression b, String what) {
        same(a.deviance(), b.deviance(), what + " deviance");
        same(a.pearsonChiSquare(), b.pearsonChiSquare(), what + " pearson");
        for (RateRatioTable ta : a.tables()) {
            RateRatioTable tb = b.table(ta.inference());
            for (RateRatioTerm x : ta.terms()) {
                if (x.term().equals("Intercept")) {
                    continue;   // the intercept absorbs the population scale
                }
                RateRatioTerm y = tb.term(x.term());
                same(x.rateRatio(), y.rateRatio(), what + " " + ta.inference() + " " + x.term() + " rate ratio");
                same(x.standardError(), y.standardError(), what + " " + ta.inference() + " " + x.term() + " se");
                same(x.interval().lower(), y.interval().lower(), what + " " + ta.inference() + " " + x.term() + " lower");
                same(x.interval().upper(), y.interval().upper(), what + " " + ta.inference() + " " + x.term() + " upper");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scalingEveryPopulationLeavesRateRatiosUnchanged(Seeded s) {
        SplittableRandom r = s.random();
        Panels.Data d = Panels.staggered(r, 12 + r.nextInt(10), 5 + r.nextInt(4), 4, 0.85);
        double c = Math.pow(10, -3 + 6 * r.nextDouble());
        List<PanelCount> scaled = d.rows().stream()
                .map(x -> PanelCount.of(x.area(), x.period(), x.count(), x.population() * c)).toList();
        sameRegression(PoissonDid.fit(d.rows(), d.adoption()).regression(),
                PoissonDid.fit(scaled, d.adoption()).regression(), s + " did x" + c);
        sameRegression(EventStudy.fit(d.rows(), d.adoption()).regression(),
                EventStudy.fit(scaled, d.adoption()).regression(), s + " event x" + c);
        CallawaySantAnna a = CallawaySantAnna.fit(d.rows(), d.adoption(), AttOutcome.LOG_RATE);
        CallawaySantAnna b = CallawaySantAnna.fit(scaled, d.adoption(), AttOutcome.LOG_RATE);
        same(a.simple().estimate(), b.simple().estimate(), s + " cs log simple");
        same(a.simple().standardError(), b.simple().standardError(), s + " cs log simple se");
        // a single series
        int n = 24 + r.nextInt(24);
        long[] y = new long[n];
        double[] pop = new double[n];
        double[] scaledPop = new double[n];
        for (int i = 0; i < n; i++) {
            pop[i] = 50_000 + 100 * i;
            scaledPop[i] = pop[i] * c;
            y[i] = Seeded.poisson(r, pop[i] * 4e-4 * (i >= n / 2 ? 0.8 : 1));
        }
        sameRegression(CountInterruptedTimeSeries.fit(y, pop, n / 2 + 1, 2).regression(),
                CountInterruptedTimeSeries.fit(y, scaledPop, n / 2 + 1, 2).regression(), s + " its x" + c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void relabellingAreasChangesNothing(Seeded s) {
        SplittableRandom r = s.random();
        Panels.Data d = Panels.staggered(r, 12 + r.nextInt(10), 5 + r.nextInt(4), 4, 0.85);
        List<String> areas = d.rows().stream().map(PanelCount::area).distinct().toList();
        List<String> shuffled = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            shuffled.add("z" + Integer.toString(r.nextInt(1_000_000) * 100 + i, 36));
        }
        Collections.shuffle(shuffled, new java.util.Random(s.seed()));
        Map<String, String> name = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            name.put(areas.get(i), shuffled.get(i));
        }
        List<PanelCount> rows = new ArrayList<>(d.rows().stream()
                .map(x -> PanelCount.of(name.get(x.area()), x.period(), x.count(), x.population())).toList());
        Collections.shuffle(rows, new java.util.Random(s.seed() + 1));
        Map<String, Integer> adoption = new HashMap<>();
        d.adoption().forEach((k, v) -> adoption.put(name.get(k), v));
        PoissonDid a = PoissonDid.fit(d.rows(), d.adoption());
        PoissonDid b = PoissonDid.fit(rows, adoption);
        sameRegression(a.regression(), b.regression(), s + " did");
        sameRegression(EventStudy.fit(d.rows(), d.adoption()).regression(), EventStudy.fit(rows, adoption).regression(),
                s + " event");
        CallawaySantAnna ca = CallawaySantAnna.fit(d.rows(), d.adoption(), AttOutcome.RATE_PER_100K);
        CallawaySantAnna cb = CallawaySantAnna.fit(rows, adoption, AttOutcome.RATE_PER_100K);
        assertEquals(ca.groupTime().size(), cb.groupTime().size());
        for (int i = 0; i < ca.groupTime().size(); i++) {
            same(ca.groupTime().get(i).att().estimate(), cb.groupTime().get(i).att().estimate(), s + " cs att " + i);
            same(ca.groupTime().get(i).att().standardError(), cb.groupTime().get(i).att().standardError(),
                    s + " cs se " + i);
        }
        same(ca.overall().standardError(), cb.overall().standardError(), s + " cs overall se");
    }

    /**
     * 400 seeded panels of Poisson counts (20 areas, 8 of them adopting at staggered times, 6
     * periods) without any effect: the 95% intervals of the rate ratio cover 1 in about 95% of
     * them. The seeds are fixed, so the counts below are the same on every run; the bounds allow
     * what 400 draws at 95% allow (sd 1.1 points) and the small-cluster undercoverage of HC1.
     */
    @Test
    void intervalsCoverOneAtAboutTheirNominalRateWhenThereIsNoEffect() {
        int sims = 400;
        Map<Inference, Integer> covered = new java.util.EnumMap<>(Inference.class);
        int csCovered = 0;
        for (Seeded s : Seeded.cases(sims).toList()) {
            Panels.Data d = Panels.staggered(s.random(), 20, 6, 8, 1.0);
            PoissonDid did = PoissonDid.fit(d.rows(), d.adoption());
            for (Inference i : List.of(Inference.POISSON, Inference.QUASI_POISSON, Inference.CLUSTER_HC0,
                    Inference.CLUSTER_HC1)) {
                covered.merge(i, did.effect(i).interval().contains(1.0) ? 1 : 0, Integer::sum);
            }
            csCovered += CallawaySantAnna.fit(d.rows(), d.adoption(), AttOutcome.LOG_RATE).simple().interval()
                    .contains(0.0) ? 1 : 0;
        }
        for (Map.Entry<Inference, Integer> e : covered.entrySet()) {
            double rate = e.getValue() / (double) sims;
            assertTrue(rate >= 0.91 && rate <= 0.985, e.getKey() + " coverage " + rate + " of " + sims);
        }
        double cs = csCovered / (double) sims;
        assertTrue(cs >= 0.90 && cs <= 0.985, "Callaway-Sant'Anna simple ATT coverage " + cs);
    }
}
