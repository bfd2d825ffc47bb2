package io.github.peelmetrics.survey.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BRR and Fay replicates built from a design, and R's Hadamard matrices behind them. */
class BrrTest {

    static Stream<Integer> sizes() {
        return IntStream.rangeClosed(0, 200).boxed();
    }

    @ParameterizedTest(name = "hadamard({0})")
    @MethodSource("sizes")
    void everyMatrixIsHadamardWithARowOfOnesAndMoreRowsThanAsked(int n) {
        int[][] h = Hadamard.of(n);
        int s = h.length;
        assertTrue(s > n, n + ": size " + s);
        assertEquals(0, s % 4, n + ": size " + s);
        for (int i = 0; i < s; i++) {
            assertEquals(s, h[i].length, n + ": row " + i);
            for (int j = 0; j < s; j++) {
                assertTrue(h[i][j] == 0 || h[i][j] == 1, n + ": entry " + i + "," + j);
            }
        }
        for (int j = 0; j < s; j++) {
            assertEquals(1, h[0][j], n + ": row 1 is all ones");
        }
        for (int a = 0; a < s; a++) {
            for (int b = a + 1; b < s; b++) {
                int dot = 0;
                for (int j = 0; j < s; j++) {
                    dot += (2 * h[a][j] - 1) * (2 * h[b][j] - 1);
                }
                assertEquals(0, dot, n + ": rows " + a + " and " + b + " are not orthogonal");
            }
        }
    }

    @Test
    void sizesAreRsChoices() {
        // R's ?hadamard: Sylvester 64 for 63, Paley 60 for 59, stored 28 for 27, 96 (not 92) for 90;
        // the conformance README: 16 strata -> 20, 20 -> 24
        int[][] cases = {{63, 64}, {59, 60}, {27, 28}, {90, 96}, {16, 20}, {20, 24}, {1, 4}, {3, 4}, {4, 8},
            {12, 16}, {15, 16}, {32, 36}, {48, 56}};
        for (int[] c : cases) {
            assertEquals(c[1], Hadamard.of(c[0]).length, "hadamard(" + c[0] + ")");
        }
    }

    static SurveyDesign.Builder pairs(int strata, int psusPerStratum, SplittableRandom r) {
        List<String> s = new ArrayList<>();
        List<String> psu = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int h = 0; h < strata; h++) {
            for (int p = 0; p < psusPerStratum; p++) {
                int m = 1 + r.nextInt(4);
                for (int i = 0; i < m; i++) {
                    s.add("S" + h);
                    psu.add(Integer.toString(p + 1));
                    w.add(r.nextInt(8) == 0 ? 5000.0 : 1 + r.nextDouble() * 30);
                    y.add(r.nextInt(10) == 0 ? Double.NaN : r.nextInt(3));
                }
            }
        }
        int n = s.size();
        return SurveyDesign.builder(n).weights(w.stream().mapToDouble(Double::doubleValue).toArray())
                .strata(s.toArray(new String[0])).cluster(psu.toArray(new String[0])).nest()
                .numeric("y", y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void brrAndFayReproduceTheTaylorVarianceOfATotalWithTwoPsusPerStratum(Seeded s) {
        SplittableRandom r = s.random();
        SurveyDesign d = pairs(Seeded.edgy(r, 1, 40), 2, r).build();
        double taylor = d.total("y").standardError();
        double brr = d.replicates(ReplicateType.BRR).total("y").standardError();
        double rho = 0.05 + 0.9 * r.nextDouble();
        double fay = d.replicates(ReplicateType.FAY, rho).total("y").standardError();
        assertTrue(Math.abs(brr - taylor) <= 1e-9 * taylor, s + ": BRR " + brr + " vs Taylor " + taylor);
        assertTrue(Math.abs(fay - taylor) <= 1e-9 * taylor, s + ": Fay " + fay + " vs Taylor " + taylor);
    }

    @Test
    void replicatesAreBalancedHalfSamples() {
        SurveyDesign d = pairs(16, 2, new SplittableRandom(3102)).build();
        ReplicateDesign brr = d.replicates(ReplicateType.BRR);
        assertEquals(20, brr.replicateCount());
        assertEquals(0.05, brr.scale(), 1e-15);
        assertEquals(ReplicateType.BRR, brr.type());
        ReplicateDesign fay = d.replicates(ReplicateType.FAY, 0.5);
        assertEquals(ReplicateType.FAY, fay.type());
        assertEquals(0.5, fay.fayRho().orElseThrow());
        assertEquals(0.2, fay.scale(), 1e-15);
        for (int i = 0; i < d.size(); i++) {
            int kept = 0;
            for (int k = 0; k < brr.replicateCount(); k++) {
                double m = brr.rep[k][i] / brr.weights[i];
                assertTrue(m == 0 || m == 2, "multiplier " + m);
                kept += m == 2 ? 1 : 0;
                double f = fay.rep[k][i] / fay.weights[i];
                assertEquals(m == 2 ? 1.5 : 0.5, f, 1e-15);
            }
            assertEquals(10, kept, "every PSU is in half of the replicates");
        }
        assertEquals(d.replicates(ReplicateType.BRR).toString(), brr.toString());
        assertTrue(fay.toString().startsWith("ReplicateDesign[Fay rho=0.5, n="), fay.toString());
    }

    @Test
    void strataOfFourPsusAreSplitIntoPairs() {
        SurveyDesign d = pairs(3, 4, new SplittableRandom(7)).build();
        ReplicateDesign brr = d.replicates(ReplicateType.BRR);
        // 6 pairs -> hadamard(6) = 8 replicates
        assertEquals(8, brr.replicateCount());
        double taylor = d.total("y").standardError();
        assertTrue(brr.total("y").standardError() > 0);
        assertTrue(Double.isFinite(taylor));
    }

    @Test
    void designsBrrCannotUseAreRefusedWithRsReason() {
        SplittableRandom r = new SplittableRandom(1);
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> pairs(2, 3, r).build().replicates(ReplicateType.BRR));
        assertTrue(odd.getMessage().startsWith("Can't split with odd numbers of PSUs in a stratum"), odd.getMessage());
        SurveyDesign lonely = SurveyDesign.builder(4).weights(new double[] {1, 1, 1, 1})
                .strata(new String[] {"A", "A", "B", "B"}).cluster(new String[] {"1", "2", "3", "3"}).build();
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> lonely.replicates(ReplicateType.BRR));
        assertEquals("Some strata have fewer than 2 PSUs (BRR and Fay need two per stratum): B", small.getMessage());
        SurveyDesign unstratified = SurveyDesign.builder(4).weights(new double[] {1, 1, 1, 1})
                .cluster(new String[] {"1", "2", "3", "4"}).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> unstratified.replicates(ReplicateType.BRR))
                .getMessage().startsWith("Must use JK1 or bootstrap for an unstratified design"));
        SurveyDesign ok = pairs(2, 2, r).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.replicates(ReplicateType.FAY))
                .getMessage().contains("rho"));
        assertThrows(IllegalArgumentException.class, () -> ok.replicates(ReplicateType.FAY, 1));
        assertThrows(IllegalArgumentException.class, () -> ok.replicates(ReplicateType.FAY, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ok.replicates(ReplicateType.BRR, 0.5));
    }
}
