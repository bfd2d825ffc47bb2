package io.github.peelmetrics.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.testing.Seeded;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The absorbed two-way fixed effects fit equals the dense fit on the dummy-coded design. */
class GlmTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void absorbedFixedEffectsEqualDummyColumns(Seeded s) {
        SplittableRandom r = s.random();
        int areas = 2 + r.nextInt(12);
        int periods = 2 + r.nextInt(8);
        int k = 1 + r.nextInt(3);
        int n = areas * periods;
        double[] y = new double[n];
        double[] offset = new double[n];
        double[][] z = new double[k][n];
        for (int i = 0; i < n; i++) {
            offset[i] = Math.log(1000 + r.nextInt(50_000));
            y[i] = r.nextInt(Seeded.edgy(r, 1, 200));
            for (int j = 0; j < k; j++) {
                z[j][i] = j == 0 ? r.nextInt(2) : r.nextGaussian();
            }
        }
        for (int a = 0; a < areas; a++) {   // no area and no period all zero
            y[a * periods] += 1;
        }
        for (int t = 0; t < periods; t++) {
            y[t] += 1;
        }
        int p = 1 + (areas - 1) + (periods - 1) + k;
        double[] x = new double[n * p];
        int[] cluster = new int[n];
        String[] names = new String[p];
        for (int c = 0; c < p; c++) {
            names[c] = "x" + c;
        }
        String[] zNames = new String[k];
        for (int j = 0; j < k; j++) {
            zNames[j] = "z" + j;
        }
        for (int a = 0, i = 0; a < areas; a++) {
            for (int t = 0; t < periods; t++, i++) {
                int o = i * p;
                x[o] = 1;
                if (a > 0) {
                    x[o + a] = 1;
                }
                if (t > 0) {
                    x[o + areas - 1 + t] = 1;
                }
                for (int j = 0; j < k; j++) {
                    x[o + areas + periods - 1 + j] = z[j][i];
                }
                cluster[i] = a;
            }
        }
        Glm.Fit dense;
        Glm.TwoWayFit absorbed;
        try {
            dense = Glm.poisson(x, p, y, offset, null, names, 1e-14);
        } catch (IllegalStateException rankDeficient) {
            return;   // a z column collinear with the effects (tiny panels): nothing to compare
        }
        absorbed = Glm.poissonTwoWay(areas, periods, y, offset, z, zNames, 1e-14);
        assertEquals(dense.p(), absorbed.p(), s.toString());
        assertEquals(dense.deviance(), absorbed.deviance(), 1e-9 * Math.max(1, dense.deviance()), s + " deviance");
        assertEquals(dense.pearsonChiSquare(), absorbed.pearsonChiSquare(), 1e-8 * Math.max(1, dense.pearsonChiSquare()),
                s + " pearson");
        double[][] hc1 = areas > 1 ? Glm.clusterCovariance(dense, x, cluster, areas, true) : null;
        double[][] hc1Absorbed = absorbed.clusterCovariance(areas, true);
        for (int j = 0; j < k; j++) {
            int c = areas + periods - 1 + j;
            assertEquals(dense.beta()[c], absorbed.beta()[j], 1e-8 * Math.max(1, Math.abs(dense.beta()[c])), s + " beta");
            assertEquals(dense.covariance()[c][c], absorbed.covariance()[j][j], 1e-8 * dense.covariance()[c][c],
                    s + " var");
            assertEquals(hc1[c][c], hc1Absorbed[j][j], 1e-7 * Math.max(1e-12, hc1[c][c]), s + " hc1 var");
        }
    }
}
