package io.github.peelmetrics.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison adjustments of p-values. Adjusted values are capped at 1 and returned in the
 * input order; a hypothesis is rejected at level α when its adjusted p-value is at most α. Agrees
 * with statsmodels 0.13.5 {@code multipletests} and R's {@code p.adjust} to 1e-12.
 */
public enum Adjustment {
    /**
     * Holm's step-down method (Holm 1979), controlling the family-wise error rate: with the
     * p-values sorted ascending, {@code p̃(i) = max_{j ≤ i} min(1, (m - j + 1)·p(j))}.
     */
    HOLM,
    /**
     * Benjamini and Hochberg's step-up method (1995), controlling the false discovery rate: with
     * the p-values sorted ascending, {@code p̃(i) = min_{j ≥ i} min(1, m·p(j)/j)}.
     */
    BENJAMINI_HOCHBERG,
    /** No adjustment: the p-values as given. */
    NONE;

    /**
     * The adjusted p-values, in the input order.
     *
     * @throws IllegalArgumentException if a p-value is outside [0, 1] or NaN (its index is named)
     */
    public double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1]: " + pValues[i]);
            }
        }
        if (this == NONE || m == 0) {
            return pValues.clone();
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] out = new double[m];
        if (this == HOLM) {
            double running = 0;
            for (int r = 0; r < m; r++) {
                double v = Math.min(1, (m - r) * pValues[order[r]]);
                running = Math.max(running, v);
                out[order[r]] = running;
            }
        } else {
            double running = 1;
            for (int r = m - 1; r >= 0; r--) {
                double v = Math.min(1, (double) m / (r + 1) * pValues[order[r]]);
                running = Math.min(running, v);
                out[order[r]] = running;
            }
        }
        return out;
    }

    /** Which hypotheses are rejected at {@code alpha}: adjusted p-value at most {@code alpha}. */
    public boolean[] reject(double[] pValues, double alpha) {
        double[] adj = adjust(pValues);
        boolean[] out = new boolean[adj.length];
        for (int i = 0; i < adj.length; i++) {
            out[i] = adj[i] <= alpha;
        }
        return out;
    }
}
