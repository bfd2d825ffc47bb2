package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.metrics.evaluation.EventStudy;
import io.github.peelmetrics.metrics.evaluation.PoissonDid;
import org.junit.jupiter.api.Test;

/**
 * The synthetic staged rollout and the evaluation printed from it, pinned: the panel is the same
 * for the same seed, and the figures are those the README example shows.
 */
class StagedRolloutTest {

    @Test
    void theRolloutEvaluatesAsTheReadmeShows() {
        StagedRollout rollout = StagedRollout.cookCountyLike(2026);
        assertEquals(StagedRollout.cookCountyLike(2026), rollout);
        assertEquals("synthetic staged rollout: 60 areas x 12 years, 24 adopting ([2012, 2014, 2016]), true rate "
                + "ratio 0.90", rollout.toString());
        PoissonDid did = PoissonDid.fit(rollout.rows(), rollout.adoption());
        assertEquals("11.2 percent fewer [9.1, 13.2]", did.effect().percentChange());
        assertEquals(String.join("\n",
                "Poisson event study, reference period -1, cluster-robust (HC1 by area) 95% intervals",
                "  event  rate ratio  interval           p",
                "  -8     0.980       [0.928, 1.035]     0.4746",
                "  -7     0.958       [0.914, 1.004]     0.0729",
                "  -6     0.984       [0.939, 1.031]     0.4904",
                "  -5     0.965       [0.916, 1.016]     0.1793",
                "  -4     0.991       [0.945, 1.039]     0.7000",
                "  -3     0.950       [0.912, 0.990]     0.0146",
                "  -2     0.989       [0.946, 1.034]     0.6306",
                "  -1     1           (reference)",
                "  0      0.859       [0.822, 0.898]     1.88e-11",
                "  1      0.862       [0.832, 0.893]     9.20e-17",
                "  2      0.879       [0.839, 0.921]     6.19e-08",
                "  3      0.871       [0.831, 0.913]     1.11e-08",
                "  4      0.885       [0.848, 0.924]     2.55e-08",
                "  5      0.887       [0.849, 0.928]     1.69e-07",
                "  6      0.922       [0.876, 0.970]     0.0017",
                "  7      0.878       [0.838, 0.920]     6.15e-08"),
                EventStudy.fit(rollout.rows(), rollout.adoption()).toString());
    }
}
