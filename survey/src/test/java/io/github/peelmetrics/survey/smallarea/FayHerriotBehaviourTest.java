package io.github.peelmetrics.survey.smallarea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FayHerriotBehaviourTest {

    private static FayHerriot.Builder five() {
        return FayHerriot.covariates("x").sampled("A", 0.52, 0.010, 0.1).sampled("B", 0.61, 0.012, 0.3)
                .sampled("C", 0.45, 0.02, 0.5).sampled("D", 0.70, 0.015, 0.2).sampled("E", 0.38, 0.011, 0.6);
    }

    @Test
    void anUnsampledBeatGetsTheSyntheticEstimateAndLeansWhollyOnTheModel() {
        FayHerriotFit fit = five().unsampled("F", 0.4).build().fit();
        AreaEstimate f = fit.area("F");
        assertEquals(f.synthetic(), f.estimate());
        assertEquals(1.0, f.modelWeight());
        assertEquals(OptionalDouble.empty(), f.direct());
        assertEquals(OptionalDouble.empty(), f.g1());
        assertEquals(fit.sigma2v() + f.g2(), f.mse(), 1e-15);
        for (AreaEstimate a : fit.areas()) {
            if (a.sampled()) {
                double g = a.gamma();
                assertEquals(g * a.direct().getAsDouble() + (1 - g) * a.synthetic(), a.estimate(), 1e-15);
                assertTrue(g >= 0 && g < 1);
            }
        }
    }

    @Test
    void badInputIsRefusedNamingTheAreaAndTheValue() {
        assertEquals("sampling variance of area A must be positive and finite: 0.0", assertThrows(
                IllegalArgumentException.class, () -> FayHerriot.covariates("x").sampled("A", 0.5, 0, 0.1)).getMessage());
        assertEquals("direct estimate of area A must be finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> FayHerriot.covariates("x").sampled("A", Double.NaN, 0.01, 0.1)).getMessage());
        assertEquals("area A has 2 covariates, the model has 1: [x]", assertThrows(IllegalArgumentException.class,
                () -> FayHerriot.covariates("x").sampled("A", 0.5, 0.01, 0.1, 0.2)).getMessage());
        assertEquals("area A given twice", assertThrows(IllegalArgumentException.class,
                () -> five().unsampled("A", 0.3)).getMessage());
        assertEquals("a Fay-Herriot model with 2 terms needs more than 2 sampled areas: 2 given", assertThrows(
                IllegalArgumentException.class, () -> FayHerriot.covariates("x").sampled("A", 0.5, 0.01, 0.1)
                        .sampled("B", 0.4, 0.01, 0.2).unsampled("C", 0.3).build()).getMessage());
        FayHerriotFit fit = five().build().fit(VarianceMethod.ML);
        assertEquals("Fay-Herriot fit has no area \"Z\"; it holds 5: A, B, C, D, E",
                assertThrows(IllegalArgumentException.class, () -> fit.area("Z")).getMessage());
        assertEquals("Fay-Herriot fit has no term \"y\"; it holds 2: (Intercept), x",
                assertThrows(IllegalArgumentException.class, () -> fit.coefficient("y")).getMessage());
    }

    @Test
    void aNegativeRootIsTruncatedAndEveryEstimateIsSynthetic() {
        // direct estimates on a line (no area effect): the variance root is negative
        FayHerriotFit fit = FayHerriot.covariates("x").sampled("A", 0.50, 0.02, 0.1).sampled("B", 0.52, 0.02, 0.2)
                .sampled("C", 0.54, 0.02, 0.3).sampled("D", 0.56, 0.02, 0.4).sampled("E", 0.58, 0.02, 0.5).build().fit();
        assertTrue(fit.truncatedAtZero());
        assertTrue(fit.unconstrainedRoot().isEmpty() || fit.unconstrainedRoot().getAsDouble() < 0);
        assertEquals(0.0, fit.sigma2v());
        assertTrue(fit.scoreAtZero() < 0);
        fit.areas().forEach(a -> assertEquals(a.synthetic(), a.estimate()));
        assertTrue(fit.toString().startsWith("Fay-Herriot (REML): 5 sampled, 0 unsampled areas; sigma2_v 0 (truncated at 0 from "),
                fit.toString());
    }
}
