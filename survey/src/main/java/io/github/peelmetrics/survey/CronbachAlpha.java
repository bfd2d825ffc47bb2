package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cronbach's alpha and item statistics of a scale over the respondents who answered every item
 * (reverse items recoded), as R {@code psych::alpha} 2.2.9 on those complete cases.
 *
 * <ul>
 *   <li>raw alpha {@code k/(k−1)·(1 − Σ var_i / var(total))}, variances with n − 1
 *       (Cronbach 1951, Psychometrika 16, 297-334);</li>
 *   <li>standardized alpha {@code k r̄/(1 + (k−1) r̄)} with r̄ the average off-diagonal Pearson
 *       correlation;</li>
 *   <li>{@code r.drop}: the correlation of each item with the sum of the other items (corrected
 *       item-total correlation);</li>
 *   <li>alpha if dropped: the raw alpha of the other k − 1 items.</li>
 * </ul>
 *
 * <pre>{@code
 * jshell> var a = CronbachAlpha.of(List.of("x", "y", "z"), new double[][] {{1, 2, 2}, {2, 2, 3}, {4, 5, 4}, {5, 4, 5}, {3, 3, 2}})
 * alpha 0.922 (standardized 0.924, average r 0.801) over 5 complete cases of 3 items
 * jshell> a.rDrop()
 * {x=0.9191450300180578, y=0.8153652394136036, z=0.8153652394136036}
 * jshell> a.alphaIfDropped()
 * {x=0.8275862068965518, y=0.9090909090909092, z=0.9090909090909092}
 * }</pre>
 *
 * <p>Unweighted, as {@code psych::alpha}. Undefined values (fewer than two complete cases, an item
 * with no variance) are NaN.
 *
 * @param items            the items, in order
 * @param reversed         the reverse-coded items
 * @param completeCases    respondents who answered every item
 * @param rawAlpha         raw alpha
 * @param standardizedAlpha standardized alpha
 * @param averageR         average inter-item correlation r̄
 * @param rDrop            corrected item-total correlation per item
 * @param alphaIfDropped   raw alpha without each item
 */
public record CronbachAlpha(List<String> items, List<String> reversed, int completeCases, double rawAlpha,
        double standardizedAlpha, double averageR, Map<String, Double> rDrop, Map<String, Double> alphaIfDropped) {

    /** Copies the collections. */
    public CronbachAlpha {
        items = List.copyOf(items);
        reversed = List.copyOf(reversed);
        rDrop = Collections.unmodifiableMap(new LinkedHashMap<>(rDrop));
        alphaIfDropped = Collections.unmodifiableMap(new LinkedHashMap<>(alphaIfDropped));
    }

    /**
     * Alpha of a scale's items over the sample's complete cases.
     *
     * @throws IllegalArgumentException if an item is missing from the sample or out of range
     */
    public static CronbachAlpha of(LikertScale scale, SurveySample sample) {
        Objects.requireNonNull(scale, "scale must not be null");
        return of(scale.items(), List.copyOf(scale.reversed()), scale.completeCases(sample));
    }

    /**
     * Alpha of a data matrix (rows = respondents, columns = items, already recoded, no missing).
     *
     * @throws IllegalArgumentException if fewer than two items, rows of unequal length or a NaN
     */
    public static CronbachAlpha of(List<String> items, double[][] rows) {
        return of(items, List.of(), rows);
    }

    private static CronbachAlpha of(List<String> items, List<String> reversed, double[][] rows) {
        int k = items.size();
        if (k < 2) {
            throw new IllegalArgumentException("Cronbach's alpha needs at least two items: " + items);
        }
        int n = rows.length;
        for (int i = 0; i < n; i++) {
            if (rows[i].length != k) {
                throw new IllegalArgumentException(Format.f("row %d has %d values for %d items", i + 1, rows[i].length, k));
            }
            for (double x : rows[i]) {
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException(Format.f("row %d holds a missing or infinite value: %s", i + 1, x));
                }
            }
        }
        double[][] c = covariance(rows, k);
        double total = 0;
        double diag = 0;
        for (int a = 0; a < k; a++) {
            diag += c[a][a];
            for (int b = 0; b < k; b++) {
                total += c[a][b];
            }
        }
        double raw = k / (k - 1.0) * (1 - diag / total);
        double rSum = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (a != b) {
                    rSum += c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
                }
            }
        }
        double rBar = rSum / (k * (k - 1.0));
        double std = k * rBar / (1 + (k - 1) * rBar);
        Map<String, Double> rDrop = new LinkedHashMap<>();
        Map<String, Double> drop = new LinkedHashMap<>();
        for (int j = 0; j < k; j++) {
            // cov(item j, rest) and var(rest) from the covariance matrix
            double covJR = 0;
            double varR = 0;
            double diagR = 0;
            for (int a = 0; a < k; a++) {
                if (a == j) {
                    continue;
                }
                covJR += c[j][a];
                diagR += c[a][a];
                for (int b = 0; b < k; b++) {
                    if (b != j) {
                        varR += c[a][b];
                    }
                }
            }
            rDrop.put(items.get(j), covJR / Math.sqrt(c[j][j] * varR));
            drop.put(items.get(j), (k - 1) / (k - 2.0) * (1 - diagR / varR));
        }
        return new CronbachAlpha(items, reversed, n, raw, std, rBar, rDrop, drop);
    }

    private static double[][] covariance(double[][] rows, int k) {
        int n = rows.length;
        double[] mean = new double[k];
        for (double[] r : rows) {
            for (int a = 0; a < k; a++) {
                mean[a] += r[a];
            }
        }
        for (int a = 0; a < k; a++) {
            mean[a] /= n;
        }
        double[][] c = new double[k][k];
        for (double[] r : rows) {
            for (int a = 0; a < k; a++) {
                double da = r[a] - mean[a];
                for (int b = 0; b < k; b++) {
                    c[a][b] += da * (r[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                c[a][b] /= n - 1.0;
            }
        }
        return c;
    }

    /** Raw and standardized alpha, average r, complete cases and items, as in the example above. */
    @Override
    public String toString() {
        return Format.f("alpha %.3f (standardized %.3f, average r %.3f) over %d complete cases of %d items",
                rawAlpha, standardizedAlpha, averageR, completeCases, items.size());
    }
}
