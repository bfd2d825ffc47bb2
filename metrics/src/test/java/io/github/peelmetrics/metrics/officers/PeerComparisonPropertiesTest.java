package io.github.peelmetrics.metrics.officers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.stats.Interval;
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

/** Properties of the peer comparison and the funnels over seeded random officer data. */
class PeerComparisonPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    /**
     * Random officers x strata: 2 to 40 officers (sometimes exactly 2), 1 to 5 strata, exposures
     * with ties and zero cells, over-dispersed counts with zeros, and some rows split in two.
     */
    static List<ExposureRecord> data(SplittableRandom r, int strata) {
        int n = Seeded.edgy(r, 2, 40);
        List<ExposureRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String officer = "P" + (1000 + r.nextInt(9000)) + "-" + i;
            double frailty = Math.exp(r.nextGaussian() * (r.nextBoolean() ? 0.1 : 0.8));
            boolean any = false;
            for (int s = 0; s < strata; s++) {
                boolean worked = r.nextInt(4) > 0 || (!any && s == strata - 1);
                if (!worked) {
                    continue;
                }
                any = true;
                double exposure = r.nextInt(5) == 0 ? 100 : 1 + r.nextInt(800);
                long count = Seeded.poisson(r, exposure * 0.02 * (1 + s) * frailty);
                if (r.nextInt(6) == 0) {
                    long part = count / 2;
                    out.add(ExposureRecord.of(officer, "S" + s, exposure / 2, part));
                    out.add(ExposureRecord.of(officer, "S" + s, exposure / 2, count - part));
                } else {
                    out.add(ExposureRecord.of(officer, "S" + s, exposure, count));
                }
            }
        }
        // every stratum needs an event somewhere, so that every officer has a positive expected count
        for (int s = 0; s < strata; s++) {
            String st = "S" + s;
            if (out.stream().noneMatch(x -> x.stratum().equals(st) && x.count() > 0)) {
                ExposureRecord first = out.stream().filter(x -> x.stratum().equals(st)).findFirst().orElse(null);
                if (first != null) {
                    out.add(ExposureRecord.of(first.officer(), st, 1, 1));
                }
            }
        }
        return out;
    }

    private static void close(double expected, double actual, String what) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void relabellingOfficersPermutesTheListAndChangesNothingElse(Seeded seed) {
        SplittableRandom r = seed.random();
        List<ExposureRecord> rows = data(r, 1 + r.nextInt(5));
        List<String> ids = rows.stream().map(ExposureRecord::officer).distinct().toList();
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new java.util.Random(seed.seed()));
        Map<String, String> label = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            label.put(ids.get(i), "X" + shuffled.get(i).hashCode() + "#" + i);
        }
        List<ExposureRecord> relabelled = new ArrayList<>(rows.stream()
                .map(x -> ExposureRecord.of(label.get(x.officer()), x.stratum(), x.exposure(), x.count())).toList());
        Collections.shuffle(relabelled, new java.util.Random(seed.seed() + 1));
        PeerComparison a = PeerComparison.of(rows);
        PeerComparison b = PeerComparison.of(relabelled);
        assertEquals(a.strata(), b.strata(), seed + " strata");
        close(a.pearson().chiSquare(), b.pearson().chiSquare(), seed + " chi2");
        assertEquals(a.officers().size(), b.officers().size());
        List<String> sorted = new ArrayList<>(b.officers().stream().map(OfficerRatio::officer).toList());
        sorted.sort(PeerComparison::compareCodePoints);
        assertEquals(sorted, b.officers().stream().map(OfficerRatio::officer).toList(), seed + " code-point order");
        SpiegelhalterFunnel fa = Funnel.spiegelhalter(a);
        SpiegelhalterFunnel fb = Funnel.spiegelhalter(b);
        close(fa.phi(), fb.phi(), seed + " phi");
        close(fa.tau2(), fb.tau2(), seed + " tau2");
        FunnelPlotRFunnel ca = Funnel.funnelPlotR(a, FunnelPlotRMethod.CQC);
        FunnelPlotRFunnel cb = Funnel.funnelPlotR(b, FunnelPlotRMethod.CQC);
        close(ca.phi(), cb.phi(), seed + " CQC phi");
        for (OfficerRatio x : a.officers()) {
            String y = label.get(x.officer());
            OfficerRatio o = b.officer(y);
            assertEquals(x.observed(), o.observed());
            assertEquals(x.expected(), o.expected(), seed + " " + y);
            assertEquals(x.interval(), o.interval());
            assertEquals(x.pUpper(), o.pUpper());
            assertEquals(x.pUpperBh(), o.pUpperBh(), seed + " BH of " + y);
            FunnelPoint p = fa.officer(x.officer());
            FunnelPoint q = fb.officer(y);
            close(p.zAdditive(), q.zAdditive(), seed + " z additive of " + y);
            close(p.pUpperAdditiveBh(), q.pUpperAdditiveBh(), seed + " additive BH of " + y);
            close(p.pTwoSidedAdditiveBh(), q.pTwoSidedAdditiveBh(), seed + " two-sided BH of " + y);
            assertEquals(ca.officer(x.officer()).excludedFromPhi(), cb.officer(y).excludedFromPhi());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scalingEveryExposureLeavesEveryRatioZAndPUnchanged(Seeded seed) {
        SplittableRandom r = seed.random();
        List<ExposureRecord> rows = data(r, 1 + r.nextInt(5));
        double c = r.nextBoolean() ? 2 : Math.exp(r.nextGaussian() * 3);
        PeerComparison a = PeerComparison.of(rows);
        PeerComparison b = PeerComparison.of(rows.stream()
                .map(x -> ExposureRecord.of(x.officer(), x.stratum(), x.exposure() * c, x.count())).toList());
        close(a.pearson().dispersion(), b.pearson().dispersion(), seed + " dispersion, c = " + c);
        SpiegelhalterFunnel fa = Funnel.spiegelhalter(a);
        SpiegelhalterFunnel fb = Funnel.spiegelhalter(b);
        close(fa.phi(), fb.phi(), seed + " phi");
        close(fa.tau2(), fb.tau2(), seed + " tau2");
        for (int i = 0; i < a.officers().size(); i++) {
            OfficerRatio x = a.officers().get(i);
            OfficerRatio y = b.officers().get(i);
            String w = seed + " " + x.officer() + ", c = " + c;
            assertEquals(x.officer(), y.officer());
            close(x.expected(), y.expected(), w + " expected");
            close(x.estimate(), y.estimate(), w + " ratio");
            close(x.interval().lower(), y.interval().lower(), w + " lower");
            close(x.interval().upper(), y.interval().upper(), w + " upper");
            close(x.pUpper(), y.pUpper(), w + " p");
            close(x.pUpperBh(), y.pUpperBh(), w + " p BH");
            FunnelPoint p = fa.officers().get(i);
            FunnelPoint q = fb.officers().get(i);
            close(p.z(), q.z(), w + " z");
            close(p.zMultiplicative(), q.zMultiplicative(), w + " z multiplicative");
            close(p.zAdditive(), q.zAdditive(), w + " z additive");
            close(p.pUpperAdditive(), q.pUpperAdditive(), w + " p additive");
            close(p.pUpperMultiplicativeBh(), q.pUpperMultiplicativeBh(), w + " p multiplicative BH");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void withOneStratumTheExpectedCountsAddUpToTheObserved(Seeded seed) {
        PeerComparison a = PeerComparison.of(data(seed.random(), 1));
        double expected = a.officers().stream().mapToDouble(OfficerRatio::expected).sum();
        close(a.totalObserved(), expected, seed + " sum E = sum O");
        assertEquals(1, a.strata().size());
        close(a.overallRate(), a.strata().get(0).rate(), seed + " pooled rate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void adjustedPValuesAreNeverBelowTheRawOnesAndOutsideMatchesTheLimits(Seeded seed) {
        SplittableRandom r = seed.random();
        PeerComparison a = PeerComparison.of(data(r, 1 + r.nextInt(5)));
        for (OfficerRatio o : a.officers()) {
            assertTrue(o.pUpperBh() >= o.pUpper() && o.pUpperBh() <= 1, seed + " " + o);
        }
        SpiegelhalterFunnel f = Funnel.spiegelhalter(a);
        assertTrue(f.phiUsed() >= 1 && f.tau2() >= 0, seed + " " + f);
        for (FunnelPoint p : f.officers()) {
            assertTrue(p.pUpperMultiplicativeBh() >= p.pUpperMultiplicative(), seed + " " + p);
            assertTrue(p.pUpperAdditiveBh() >= p.pUpperAdditive(), seed + " " + p);
            assertTrue(p.pTwoSidedAdditiveBh() >= p.pTwoSidedAdditive(), seed + " " + p);
        }
        for (FunnelModel m : FunnelModel.values()) {
            for (double level : SpiegelhalterFunnel.DEFAULT_LEVELS) {
                Outside out = f.outside(m, level);
                for (FunnelPoint p : f.officers()) {
                    Interval l = f.limits(m, p.expected(), level);
                    double ratio = p.observed() / p.expected();
                    if (Math.abs(ratio - l.upper()) > 1e-9 && Math.abs(ratio - l.lower()) > 1e-9) {
                        assertEquals(ratio > l.upper(), out.high().contains(p.officer()), seed + " " + m + " " + p);
                        assertEquals(ratio < l.lower(), out.low().contains(p.officer()), seed + " " + m + " " + p);
                    }
                }
            }
        }
    }

    @Test
    void rowsOfTheSameOfficerAndStratumAreSummed() {
        PeerComparison split = PeerComparison.of(List.of(ExposureRecord.of("A", "x", 40, 1),
                ExposureRecord.of("A", "x", 60, 2), ExposureRecord.of("B", "x", 100, 9)));
        PeerComparison whole = PeerComparison.of(List.of(ExposureRecord.of("A", "x", 100, 3),
                ExposureRecord.of("B", "x", 100, 9)));
        assertEquals(whole, split);
    }

    @Test
    void badInputIsRejectedNamingTheOfficerFieldAndValue() {
        assertMessage(() -> ExposureRecord.of("P7", "day", -1, 0), "exposure of officer P7 in stratum day", "-1.0");
        assertMessage(() -> ExposureRecord.of("P7", "day", Double.NaN, 0), "exposure of officer P7", "NaN");
        assertMessage(() -> ExposureRecord.of("P7", "day", 10, -2), "count of officer P7 in stratum day", "-2");
        assertMessage(() -> ExposureRecord.of("P7", "day", 0, 3), "officer P7 has 3 events in stratum day");
        assertMessage(() -> ExposureRecord.of(" ", "day", 1, 0), "officer of ExposureRecord must not be blank");
        assertMessage(() -> PeerComparison.of(List.of(ExposureRecord.of("A", "x", 1, 1))), "at least 2 officers", "A");
        assertMessage(() -> PeerComparison.of(List.of(ExposureRecord.of("A", "x", 1, 1),
                ExposureRecord.of("B", "x", 0, 0))), "officer B has no exposure");
        assertMessage(() -> PeerComparison.of(List.of(ExposureRecord.of("A", "x", 1, 1),
                ExposureRecord.of("B", "y", 5, 0))), "officer B worked only in strata without events [y]");
        PeerComparison ok = PeerComparison.of(List.of(ExposureRecord.of("A", "x", 1, 1), ExposureRecord.of("B", "x", 2, 0)));
        assertMessage(() -> ok.officer("C"), "C", "A", "B");
        assertMessage(() -> Funnel.spiegelhalter(ok, 0.5), "trim", "0.5");
        PeerComparison tiny = PeerComparison.of(List.of(ExposureRecord.of("A", "x", 1, 1),
                ExposureRecord.of("B", "x", 1000, 0)));
        assertMessage(() -> Funnel.funnelPlotR(tiny, FunnelPlotRMethod.SHMI), "officer A rounds to 0.00");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message \"" + e.getMessage() + "\" lacks \"" + p + "\"");
        }
    }
}
