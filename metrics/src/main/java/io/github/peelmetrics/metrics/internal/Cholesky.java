package io.github.peelmetrics.metrics.internal;

import java.util.Locale;

/**
 * Cholesky factorization {@code A = L Lᵀ} of a symmetric positive definite matrix, with solves
 * and the inverse: the normal equations of {@link Glm}.
 *
 * <p>The arithmetic is that of Apache Commons Math 3.6.1's {@code CholeskyDecomposition} and its
 * solver (which Peel used before), in the same order, so fits are unchanged to the last bit. Only
 * the upper triangle of {@code A} is read. A pivot at or below the caller's threshold (or NaN)
 * means that {@code A} is not positive definite as far as double precision can tell.
 *
 * <p>Immutable and thread-safe.
 */
public final class Cholesky {
    /** {@code Lᵀ}: row {@code i} holds column {@code i} of {@code L} on and right of the diagonal. */
    private final double[][] lt;

    private Cholesky(double[][] lt) {
        this.lt = lt;
    }

    /**
     * Factors {@code a}, reading its upper triangle only.
     *
     * @param a         a square matrix, not modified
     * @param threshold a pivot (the square of a diagonal element of {@code L}) must exceed it
     * @param labels    a name per row and column, for the message
     * @throws IllegalArgumentException if a pivot is not above {@code threshold}; the message names
     *         the first such row and its pivot
     */
    public static Cholesky factor(double[][] a, double threshold, String[] labels) {
        int n = a.length;
        double[][] lt = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], i, lt[i], i, n - i);
        }
        for (int i = 0; i < n; i++) {
            double[] ltI = lt[i];
            if (!(ltI[i] > threshold)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "not positive definite: the pivot of '%s' (row %d) is %.3g, not above %.3g",
                        labels[i], i, ltI[i], threshold));
            }
            ltI[i] = Math.sqrt(ltI[i]);
            double inverse = 1.0 / ltI[i];
            for (int q = n - 1; q > i; --q) {
                ltI[q] *= inverse;
                double[] ltQ = lt[q];
                for (int p = q; p < n; ++p) {
                    ltQ[p] -= ltI[q] * ltI[p];
                }
            }
        }
        return new Cholesky(lt);
    }

    /** The solution {@code x} of {@code A x = b}, in a new array. */
    public double[] solve(double[] b) {
        int n = lt.length;
        double[] x = b.clone();
        for (int j = 0; j < n; j++) { // L y = b
            double[] ltJ = lt[j];
            x[j] /= ltJ[j];
            double xj = x[j];
            for (int i = j + 1; i < n; i++) {
                x[i] -= xj * ltJ[i];
            }
        }
        for (int j = n - 1; j >= 0; j--) { // Lᵀ x = y
            x[j] /= lt[j][j];
            double xj = x[j];
            for (int i = 0; i < j; i++) {
                x[i] -= xj * lt[i][j];
            }
        }
        return x;
    }

    /** {@code A⁻¹}, column by column as {@link #solve} of the unit vectors, in a new array. */
    public double[][] inverse() {
        int n = lt.length;
        double[][] inv = new double[n][n];
        double[] unit = new double[n];
        for (int c = 0; c < n; c++) {
            unit[c] = 1;
            double[] column = solve(unit);
            unit[c] = 0;
            for (int r = 0; r < n; r++) {
                inv[r][c] = column[r];
            }
        }
        return inv;
    }
}
