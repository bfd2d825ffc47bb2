package io.github.peelmetrics.metrics.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties and errors of the interrupted time series and difference-in-differences. */
class RegressionTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void didEstimateIsTheDifferenceOfCellMeanDifferences(Seeded seed) {
        SplittableRandom r = seed.random();
        int areas = Seeded.edgy(r, 2, 12);
        int periods = Seeded.edgy(r, 2, 9);
        int start = 2 + r.nextInt(periods - 1); // first post period, leaves one before
        List<PanelObservation> rows = new ArrayList<>();
        double[] sum = new double[4];
        int[] count = new int[4];
        for (int a = 0; a < areas; a++) {
            boolean treated = a % 2 == 0;
            for (int p = 1; p <= periods; p++) {
                if (r.nextInt(10) == 0 && rows.size() > 0) {
                    continue; // unbalanced panels are allowed
                }
                boolean post = p >= start;
                double v = 10 + r.nextGaussian() * 3 + (treated && post ? 2 : 0);
                rows.add(PanelObservation.of("A" + a, treated, p, post, v));
                int cell = (treated ? 2 : 0) + (post ? 1 : 0);
                sum[cell] += v;
                count[cell]++;
            }
        }
        for (int c : count) {
            if (c == 0 || rows.size() <= 4) {
                return; // a generated panel without some cell: covered by the error test
            }
        }
        double expected = (sum[3] / count[3] - sum[2] / count[2]) - (sum[1] / count[1] - sum[0] / count[0]);
        DifferenceInDifferences did = DifferenceInDifferences.fit(rows);
        assertEquals(expected, did.effect().estimate(), 1e-9 * Math.max(1, Math.abs(expected)), seed.toString());
        assertEquals(did.classic().coefficient("treated:post").estimate(), did.effect().estimate(), 0.0);
        assertTrue(did.clusterRobustT().coefficient("treated:post").pValue() >= did.effect().pValue(), seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void itsRecoversAnExactSegmentedLine(Seeded seed) {
        SplittableRandom r = seed.random();
        int n = Seeded.edgy(r, 6, 60);
        int t0 = 3 + r.nextInt(n - 3);
        double b0 = r.nextInt(100);
        double b1 = r.nextInt(9) - 4;
        double b2 = r.nextInt(21) - 10;
        double b3 = r.nextInt(7) - 3;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int t = i + 1;
            int post = t >= t0 ? 1 : 0;
            y[i] = b0 + b1 * t + b2 * post + b3 * post * (t - t0 + 1);
        }
        InterruptedTimeSeries exact = InterruptedTimeSeries.fit(y, t0);
        double[] b = exact.classic().coefficients().stream().mapToDouble(Coefficient::estimate).toArray();
        double[] truth = {b0, b1, b2, b3};
        for (int i = 0; i < 4; i++) {
            assertEquals(truth[i], b[i], 1e-8 * Math.max(1, Math.abs(truth[i])), seed + " coefficient " + i);
        }
        // with noise, adding a constant moves only the intercept and changes no standard error
        double[] noisy = new double[n];
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            noisy[i] = y[i] + r.nextGaussian();
            shifted[i] = noisy[i] + 1000;
        }
        InterruptedTimeSeries a = InterruptedTimeSeries.fit(noisy, t0);
        InterruptedTimeSeries moved = InterruptedTimeSeries.fit(shifted, t0);
        assertEquals(a.levelChange().estimate(), moved.levelChange().estimate(), 1e-8, seed.toString());
        assertEquals(a.slopeChange().standardError(), moved.slopeChange().standardError(), 1e-8, seed.toString());
        int lags = Math.min(3, n - 1);
        assertEquals(a.neweyWest(lags).coefficient("post").standardError(),
                moved.neweyWest(lags).coefficient("post").standardError(), 1e-8, seed.toString());
    }

    @Test
    void badInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4}, 3));
        assertEquals("InterruptedTimeSeries: series too short: 4 periods, at least 5 needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4, 5, 6}, 6));
        assertEquals("InterruptedTimeSeries: firstPostPeriod must leave at least 2 periods on each side, i.e. be in 3..5: 6",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InterruptedTimeSeries.fit(new double[] {1, 2, Double.NaN, 4, 5, 6}, 4));
        assertEquals("InterruptedTimeSeries: y of period 3 must be finite: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4, 5, 6}, 4).neweyWest(6));
        assertEquals("InterruptedTimeSeries: maxLags must be in 0..5: 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DifferenceInDifferences.fit(List.of(
                PanelObservation.of("A", true, 1, false, 1), PanelObservation.of("A", false, 2, true, 1))));
        assertEquals("DifferenceInDifferences: area A is treated in one period and not in another (period 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DifferenceInDifferences.fit(List.of(
                PanelObservation.of("A", true, 1, false, 1), PanelObservation.of("A", true, 2, true, 1),
                PanelObservation.of("B", false, 1, false, 1))));
        assertEquals("DifferenceInDifferences: the panel has no untreated after observation", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PanelObservation.of("B", false, 3, true, Double.NaN));
        assertEquals("PanelObservation: outcome of area B period 3 must be finite: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4, 5, 6}, 4).classic().coefficient("x"));
        assertEquals("coefficient table (classic) has no term \"x\"; it holds 4: Intercept, t, post, t_since", e.getMessage());
    }
}
