package io.github.peelmetrics.metrics.officers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Allegation;
import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.testing.Seeded;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The early intervention list: the model chosen by the dispersion test, p-values and flags from that
 * model, relabelling and exposure scaling, and identities that never leave the list under a key.
 */
class EarlyInterventionTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final byte[] KEY = "a key the agency keeps secret!!".getBytes(StandardCharsets.UTF_8);

    static Stream<Seeded> seeds() {
        return Seeded.cases(120);
    }

    private static Complaint complaint(String id, String... officers) {
        return Complaint.of(id, DAY, Optional.empty(), "B1", List.of(officers), AllegationType.DISCOURTESY,
                Finding.PENDING, Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
    }

    /** Gamma(shape, 1/shape) by Marsaglia-Tsang (shape >= 1): mean 1, variance 1/shape. */
    private static double gamma(SplittableRandom r, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / shape;
            }
        }
    }

    /** Officers with exposures and complaint counts: Poisson, or gamma-Poisson (over-dispersed) when {@code shape > 0}. */
    record Data(Map<String, Double> exposure, List<Complaint> complaints) {}

    static Data data(SplittableRandom r, int n, double shape, String prefix) {
        Map<String, Double> exposure = new LinkedHashMap<>();
        List<Complaint> cs = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < n; i++) {
            String o = prefix + i;
            double e = 100 + r.nextInt(400);
            exposure.put(o, e);
            double frailty = shape > 0 ? gamma(r, shape) : 1;
            long k = Seeded.poisson(r, 0.04 * e * frailty * (i == 0 ? 4 : 1));
            for (long c = 0; c < k; c++) {
                cs.add(complaint("C" + id++, o));
            }
        }
        return new Data(exposure, cs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void pValuesAndFlagsComeFromTheModelTheDispersionTestChose(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 5, 80);
        Data d = data(r, n, r.nextBoolean() ? 0 : 1.5 + r.nextDouble() * 3, "O");
        List<Complaint> cs = new ArrayList<>(d.complaints());
        cs.add(complaint("ghost-1", "ghost"));
        InterventionList list = EarlyIntervention.atFalseDiscoveryRate(0.05).list(cs, d.exposure());
        assertEquals(Map.of("ghost", 1L), list.unmatchedOfficers());
        assertFalse(list.idsPseudonymized());
        assertTrue(list.toString().contains("raw officer ids shown"), list.toString());
        assertEquals(d.complaints().size(), list.events());
        boolean over = list.dispersionTest().pValue() < EarlyIntervention.DISPERSION_TEST_ALPHA;
        assertEquals(over ? FunnelModel.ADDITIVE_RANDOM_EFFECTS : FunnelModel.UNADJUSTED, list.model(), seed.toString());
        assertEquals(n * list.funnel().phi(), list.dispersionTest().statistic(), 1e-9);
        assertTrue(list.modelReason().contains(over ? "over-dispersed" : "no over-dispersion"), list.modelReason());
        PeerComparison peers = PeerComparison.of(d.exposure().entrySet().stream()
                .map(e -> ExposureRecord.of(e.getKey(), "all", e.getValue(),
                        d.complaints().stream().filter(c -> c.officerIds().contains(e.getKey())).count()))
                .toList());
        SpiegelhalterFunnel funnel = Funnel.spiegelhalter(peers);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            OfficerFlag f = list.officers().get(i);
            OfficerRatio ratio = peers.officer(f.officer());
            FunnelPoint point = funnel.officer(f.officer());
            assertEquals(ratio.expected(), f.expected(), 1e-12 * ratio.expected());
            assertEquals(over ? point.pUpperAdditive() : ratio.pUpper(), f.pValue(), 0, seed + " " + f);
            assertEquals(over ? point.zAdditive() : point.z(), f.z(), 0);
            p[i] = f.pValue();
            if (i > 0) {
                assertTrue(list.officers().get(i - 1).pValue() <= f.pValue(), seed + ": sorted by p");
            }
        }
        assertArrayEquals(Adjustment.BENJAMINI_HOCHBERG.adjust(p),
                list.officers().stream().mapToDouble(OfficerFlag::adjusted).toArray(), 1e-15, seed.toString());
        list.officers().forEach(f -> assertEquals(f.adjusted() <= 0.05, f.flagged(), seed + " " + f));
        assertEquals(list.officers().stream().filter(OfficerFlag::flagged).toList(), list.flagged());
    }

    @Test
    void overDispersedCountsGetTheRandomEffectsModelAndPoissonCountsDoNot() {
        SplittableRandom r = new SplittableRandom(7);
        InterventionList over = EarlyIntervention.atFalseDiscoveryRate(0.05)
                .list(data(r, 150, 1.5, "O").complaints(), data(new SplittableRandom(7), 150, 1.5, "O").exposure());
        assertEquals(FunnelModel.ADDITIVE_RANDOM_EFFECTS, over.model(), over.toString());
        assertTrue(over.tau2() > 0 && over.phi() > 1, over.toString());
        Data poisson = data(new SplittableRandom(11), 150, 0, "O");
        InterventionList plain = EarlyIntervention.atFalseDiscoveryRate(0.05).list(poisson.complaints(), poisson.exposure());
        assertEquals(FunnelModel.UNADJUSTED, plain.model(), plain.toString());
        // the same over-dispersed data against one pooled Poisson rate flag many more officers
        Data od = data(new SplittableRandom(7), 150, 1.5, "O");
        PeerComparison peers = PeerComparison.of(od.exposure().entrySet().stream()
                .map(e -> ExposureRecord.of(e.getKey(), "all", e.getValue(),
                        od.complaints().stream().filter(c -> c.officerIds().contains(e.getKey())).count()))
                .toList());
        long poissonFlags = peers.officers().stream().filter(o -> o.pUpperBh() <= 0.05).count();
        assertTrue(poissonFlags > 3 * Math.max(1, over.flagged().size()), poissonFlags + " vs " + over.flagged().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void relabellingOfficersPermutesTheListAndScalingExposureChangesNothing(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 5, 60);
        Data d = data(r, n, r.nextBoolean() ? 0 : 2, "O");
        InterventionList list = EarlyIntervention.atFalseDiscoveryRate(0.1).list(d.complaints(), d.exposure());
        // relabel: O<i> -> X<random permutation>
        List<String> ids = new ArrayList<>(d.exposure().keySet());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("X" + i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = labels.get(i);
            labels.set(i, labels.get(j));
            labels.set(j, t);
        }
        Map<String, String> to = new HashMap<>();
        for (int i = 0; i < n; i++) {
            to.put(ids.get(i), labels.get(i));
        }
        double c = r.nextBoolean() ? 2 : Math.exp(r.nextGaussian());
        Map<String, Double> exposure = new LinkedHashMap<>();
        d.exposure().forEach((k, v) -> exposure.put(to.get(k), v * c));
        List<Complaint> relabelled = d.complaints().stream()
                .map(x -> complaint(x.id(), to.get(x.officerIds().get(0)))).toList();
        InterventionList other = EarlyIntervention.atFalseDiscoveryRate(0.1).list(relabelled, exposure);
        assertEquals(list.model(), other.model());
        assertEquals(list.phi(), other.phi(), 1e-9 * Math.max(1, list.phi()));
        assertEquals(list.tau2(), other.tau2(), 1e-9 * Math.max(1, list.tau2()));
        Map<String, OfficerFlag> byLabel = new HashMap<>();
        other.officers().forEach(f -> byLabel.put(f.officer(), f));
        for (OfficerFlag f : list.officers()) {
            OfficerFlag g = byLabel.get(to.get(f.officer()));
            assertEquals(f.observed(), g.observed());
            assertEquals(f.expected(), g.expected(), 1e-9 * f.expected(), seed.toString());
            assertEquals(f.ratio(), g.ratio(), 1e-9 * Math.max(1, f.ratio()));
            assertEquals(f.pValue(), g.pValue(), 1e-9 * Math.max(1e-300, f.pValue()) + 1e-12, seed + " " + f);
            assertEquals(f.flagged(), g.flagged(), seed + " " + f + " vs " + g);
        }
    }

    @Test
    void aComplaintAccusingAnOfficerInTwoAllegationsCountsOnce() {
        Complaint twice = new Complaint("C1", DAY, Optional.empty(), "B1", List.of(
                Allegation.of("O1", AllegationType.DISCOURTESY, Finding.PENDING),
                Allegation.of("O1", AllegationType.USE_OF_FORCE, Finding.PENDING),
                Allegation.of("O2", AllegationType.USE_OF_FORCE, Finding.PENDING)),
                Demographics.UNKNOWN, ComplaintSource.CIVILIAN);
        InterventionList list = EarlyIntervention.atFalseDiscoveryRate(0.05)
                .list(List.of(twice), Map.of("O1", 10.0, "O2", 10.0, "O3", 10.0));
        assertEquals(2, list.events());
        list.officers().forEach(f -> assertEquals(f.officer().equals("O3") ? 0 : 1, f.observed(), f.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void withAKeyNoRawIdAppearsInAnyOutputMessageOrOrdering(Seeded seed) {
        SplittableRandom r = seed.random();
        Data d = data(r, Seeded.edgy(r, 3, 40), 2, "badge-");
        List<Complaint> cs = new ArrayList<>(d.complaints());
        cs.add(complaint("ghost-1", "badge-zz-ghost"));
        cs.add(complaint("ghost-2", "badge-aa-ghost"));
        EarlyIntervention ei = EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymized(KEY);
        InterventionList list = ei.list(cs, d.exposure());
        assertTrue(list.idsPseudonymized());
        String everything = String.join("\n", list.toString(), list.officers().toString(), list.flagged().toString(),
                list.unmatchedOfficers().toString(), list.funnel().toString(), list.funnel().officers().toString(),
                list.modelReason());
        assertFalse(everything.contains("badge"), seed + ": " + everything);
        // ties (equal p-values, e.g. officers without complaints) are ordered by pseudonym, never by raw id
        for (int i = 1; i < list.officers().size(); i++) {
            OfficerFlag a = list.officers().get(i - 1);
            OfficerFlag b = list.officers().get(i);
            if (a.pValue() == b.pValue()) {
                assertTrue(a.officer().compareTo(b.officer()) < 0, seed + ": " + a + " before " + b);
            }
        }
        List<String> unmatched = new ArrayList<>(list.unmatchedOfficers().keySet());
        assertEquals(unmatched.stream().sorted().toList(), unmatched, "unmatched in pseudonym order");
        assertEquals(List.of(ei.pseudonymOf("badge-aa-ghost"), ei.pseudonymOf("badge-zz-ghost")).stream()
                .sorted(Comparator.naturalOrder()).toList(), unmatched);
        // messages: an exposure error and an officer without events in its strata name the pseudonym
        Map<String, Double> bad = new LinkedHashMap<>(d.exposure());
        bad.put("badge-bad", Double.NaN);
        var e = assertThrows(IllegalArgumentException.class, () -> ei.list(cs, bad));
        assertFalse(e.getMessage().contains("badge"), e.getMessage());
        assertTrue(e.getMessage().contains(ei.pseudonymOf("badge-bad")), e.getMessage());
        List<ExposureRecord> strata = new ArrayList<>();
        strata.add(ExposureRecord.of("badge-1", "night", 10, 3));
        strata.add(ExposureRecord.of("badge-2", "night", 10, 1));
        strata.add(ExposureRecord.of("badge-3", "day", 10, 0));
        var s = assertThrows(IllegalArgumentException.class, () -> ei.list(strata));
        assertFalse(s.getMessage().contains("badge"), s.getMessage());
        assertTrue(s.getMessage().contains(ei.pseudonymOf("badge-3")), s.getMessage());
    }

    @Test
    void pseudonymsAreStableKeyedAndTheKeyHolderFindsTheOfficer() {
        Map<String, Double> exposure = Map.of("badge-1001", 100.0, "badge-1002", 100.0);
        List<Complaint> cs = List.of(complaint("1", "badge-1001"));
        EarlyIntervention ei = EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymized(KEY);
        InterventionList a = ei.list(cs, exposure);
        InterventionList b = EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymized(KEY).list(cs, exposure);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        InterventionList c = EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymized(other).list(cs, exposure);
        String pa = a.officers().get(0).officer();
        assertEquals(pa, b.officers().get(0).officer());
        assertNotEquals(pa, c.officers().get(0).officer());
        assertTrue(pa.matches("officer-[0-9a-f]{16}"), pa);
        // the pseudonym is the HMAC-SHA256 of the id under the key, as the JDK computes it
        assertEquals("officer-" + jdkHmac(KEY, "badge-1001").substring(0, 16), ei.pseudonymOf("badge-1001"));
        assertEquals(1, a.officers().stream().filter(f -> f.officer().equals(ei.pseudonymOf("badge-1001")))
                .findFirst().orElseThrow().observed());
        var e = assertThrows(IllegalStateException.class,
                () -> EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymOf("badge-1001"));
        assertTrue(e.getMessage().contains("no pseudonymization key"), e.getMessage());
    }

    private static String jdkHmac(byte[] key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> EarlyIntervention.atFalseDiscoveryRate(0));
        assertTrue(e.getMessage().contains("false discovery rate of early intervention must be in (0, 1): 0.0"));
        e = assertThrows(IllegalArgumentException.class,
                () -> EarlyIntervention.atFalseDiscoveryRate(0.1).pseudonymized(new byte[4]));
        assertTrue(e.getMessage().contains("at least 16 bytes: 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyIntervention.atFalseDiscoveryRate(0.1)
                .list(List.of(), Map.of("o1", 10.0, "o2", Double.NaN)));
        assertTrue(e.getMessage().contains("exposure of officer o2 must be positive and finite: NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyIntervention.atFalseDiscoveryRate(0.1)
                .list(List.of(), Map.of("o1", 10.0)));
        assertTrue(e.getMessage().contains("at least two officers"), e.getMessage());
        InterventionList list = EarlyIntervention.atFalseDiscoveryRate(0.05)
                .list(List.of(complaint("c", "o1")), Map.of("o1", 10.0, "o2", 10.0));
        e = assertThrows(IllegalArgumentException.class, () -> new InterventionList(0.05, false, list.model(),
                list.modelReason(), list.dispersionTest(), list.pearsonDispersion(), list.phi(), list.tau2(),
                list.peerRate(), list.events(), list.officers(), List.of(list.officers().get(1)),
                list.unmatchedOfficers(), list.funnel()));
        assertTrue(e.getMessage().contains("flagged of intervention list"), e.getMessage());
    }
}
