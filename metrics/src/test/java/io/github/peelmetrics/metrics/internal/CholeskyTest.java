package io.github.peelmetrics.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Cholesky solve behind the logistic regression, on a matrix with an exact factor. */
class CholeskyTest {

    // A = L Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 1, 2]]
    private static final double[][] A = {{4, 2, -2}, {2, 10, 2}, {-2, 2, 6}};
    private static final String[] LABELS = {"(intercept)", "a", "b"};

    @Test
    void solvesTheSystemAndInvertsTheMatrix() {
        Cholesky c = Cholesky.factor(A, 1e-10, LABELS);
        assertArrayEquals(new double[] {1, 2, 3}, c.solve(new double[] {2, 28, 20}), 1e-15);
        double[][] inv = c.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += inv[i][k] * A[k][j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-15, "(A⁻¹A)[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void readsTheUpperTriangleOnlyAndLeavesItsArgumentsAlone() {
        double[][] upper = {{4, 2, -2}, {99, 10, 2}, {99, 99, 6}};
        double[] b = {2, 28, 20};
        assertArrayEquals(new double[] {1, 2, 3}, Cholesky.factor(upper, 1e-10, LABELS).solve(b), 1e-15);
        assertArrayEquals(new double[] {4, 2, -2}, upper[0]);
        assertArrayEquals(new double[] {99, 99, 6}, upper[2]);
        assertArrayEquals(new double[] {2, 28, 20}, b);
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteNamesTheRowWhosePivotFails() {
        double[][] collinear = {{1, 2, 4}, {2, 4, 8}, {4, 8, 16}}; // every column a multiple of the first
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cholesky.factor(collinear, 1e-11 * 16, LABELS));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("'a' (row 1)"),
                e.getMessage());
        double[][] nan = {{1, 0}, {0, Double.NaN}};
        e = assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(nan, 0, new String[] {"x", "y"}));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
