package io.github.peelmetrics.metrics.vod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * A natural cubic spline basis that reproduces R's {@code splines::ns(x, df)} (R 4.2.2, package
 * {@code splines}, {@code intercept = FALSE}) column for column.
 *
 * <p><b>Knots.</b> With {@code df} degrees of freedom there are {@code df − 1} interior knots at
 * the sample quantiles {@code quantile(x, probs = (1:(df−1))/df)} of type 7 (R's default: with
 * {@code h = (n − 1)p}, {@code x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋+1) − x(⌊h⌋))} over the sorted sample,
 * ties included), and boundary knots at {@code range(x)}.
 *
 * <p><b>Basis.</b> As R's {@code ns}: the cubic B-spline basis on the knot sequence with each
 * boundary knot repeated four times ({@code splineDesign(Aknots, x, ord = 4)}), its first column
 * dropped, then the natural-spline constraint (second derivative zero at both boundary knots)
 * imposed by the QR decomposition of the transposed constraint matrix {@code C} (the second
 * derivatives of the B-splines at the boundary knots): with the Householder reflections of
 * LINPACK's {@code dqrdc2} ({@code C' = QR}), the basis is columns 3, 4, … of
 * {@code (Q' b(x))'}. The coefficients of a model therefore mean the same as R's. Outside the
 * boundary knots the basis is extended linearly, as R's {@code predict.ns}.
 *
 * <p>The record holds the knots alone (what a model's coefficients need to be read); the
 * B-spline and constraint matrices are rebuilt from them when a basis is asked for. Immutable and
 * thread-safe.
 *
 * @param df            the number of basis columns (R's {@code df}), {@code interiorKnots.size() + 1}
 * @param interiorKnots the interior knots, ascending, R's {@code attr(ns, "knots")}
 * @param lowerBoundary the lower boundary knot, R's {@code attr(ns, "Boundary.knots")[1]}
 * @param upperBoundary the upper boundary knot, R's {@code attr(ns, "Boundary.knots")[2]}
 */
public record NaturalSpline(int df, List<Double> interiorKnots, double lowerBoundary, double upperBoundary) {

    private static final int ORDER = 4;

    /**
     * Checks the knots: finite, ascending, inside the boundary knots, {@code df} one more than
     * their number; copies them.
     *
     * @throws IllegalArgumentException if a knot is not finite, out of order or outside the
     *                                  boundary knots, or {@code df} is not {@code interiorKnots.size() + 1}
     */
    public NaturalSpline {
        if (!(Double.isFinite(lowerBoundary) && Double.isFinite(upperBoundary) && lowerBoundary < upperBoundary)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "boundary knots of natural spline must be finite with lower < upper: [%s, %s]", lowerBoundary,
                    upperBoundary));
        }
        interiorKnots = List.copyOf(interiorKnots);
        for (int i = 0; i < interiorKnots.size(); i++) {
            double k = interiorKnots.get(i);
            if (!(k >= lowerBoundary && k <= upperBoundary)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "interior knot %d of natural spline must lie in [%s, %s]: %s", i, lowerBoundary, upperBoundary,
                        k));
            }
            if (i > 0 && k < interiorKnots.get(i - 1)) {
                throw new IllegalArgumentException("interior knots of natural spline must be ascending: "
                        + interiorKnots);
            }
        }
        if (df != interiorKnots.size() + 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "df of natural spline must be the %d interior knots + 1: %d", interiorKnots.size(), df));
        }
    }

    private static NaturalSpline of(double[] sortedInterior, double lower, double upper) {
        List<Double> k = new ArrayList<>(sortedInterior.length);
        for (double v : sortedInterior) {
            k.add(v);
        }
        return new NaturalSpline(k.size() + 1, k, lower, upper);
    }

    /**
     * The basis of R's {@code ns(x, df = df)}: interior knots at the type-7 quantiles, boundary
     * knots at the range of {@code x}.
     *
     * @param x  the sample (not modified); finite values, not all equal
     * @param df degrees of freedom, at least 1 (the number of basis columns)
     * @return the spline basis
     * @throws IllegalArgumentException if {@code df < 1}, {@code x} is empty, holds a non-finite
     *                                  value or has no spread
     */
    public static NaturalSpline withDf(double[] x, int df) {
        Objects.requireNonNull(x, "x must not be null");
        double[] sorted = x.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "x[%d] of natural spline must be finite: %s", i, sorted[i]));
            }
        }
        Arrays.sort(sorted);
        return fromSorted(sorted, df);
    }

    /** As {@link #withDf} for a sample already sorted ascending and finite. */
    static NaturalSpline fromSorted(double[] sorted, int df) {
        return fromOrderStatistics(k -> sorted[(int) k], sorted.length, df);
    }

    /**
     * As {@link #withDf} for a sample of {@code n} values given by its order statistics
     * ({@code kth.applyAsDouble(k)} is the (k+1)-th smallest, k from 0), e.g. from a histogram.
     */
    static NaturalSpline fromOrderStatistics(LongToDoubleFunction kth, long n, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df of natural spline must be at least 1: " + df);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("x of natural spline must not be empty");
        }
        double lo = kth.applyAsDouble(0);
        double hi = kth.applyAsDouble(n - 1);
        if (!(lo < hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x of natural spline must not be constant: every value is %s", lo));
        }
        int ni = df - 1;
        double[] interior = new double[ni];
        double by = 1.0 / (ni + 1);   // R: seq.int(0, 1, length.out = ni + 2)[-c(1, ni + 2)]
        for (int i = 0; i < ni; i++) {
            interior[i] = quantile7(kth, n, (i + 1) * by);
        }
        return of(interior, lo, hi);
    }

    /**
     * A basis on given knots, as R's {@code ns(x, knots = interior, Boundary.knots = c(lower, upper))}.
     *
     * @param interior the interior knots, inside {@code [lower, upper]}
     * @param lower    the lower boundary knot
     * @param upper    the upper boundary knot, above {@code lower}
     * @return the spline basis, with {@code interior.length + 1} columns
     * @throws IllegalArgumentException if a knot is not finite or lies outside the boundary knots
     */
    public static NaturalSpline withKnots(double[] interior, double lower, double upper) {
        Objects.requireNonNull(interior, "interior knots must not be null");
        double[] k = interior.clone();
        Arrays.sort(k); // the record checks that each lies within the boundary knots (NaN does not)
        return of(k, lower, upper);
    }

    /** R's {@code quantile(x, p, type = 7)} of a sorted sample. */
    static double quantile7(LongToDoubleFunction kth, long n, double p) {
        double index = 1 + (n - 1) * p;   // 1-based, as R
        long lo = (long) Math.floor(index);
        long hi = (long) Math.ceil(index);
        double qs = kth.applyAsDouble(lo - 1);
        double xhi = kth.applyAsDouble(hi - 1);
        if (index > lo && xhi != qs) {
            double h = index - lo;
            qs = (1 - h) * qs + h * xhi;
        }
        return qs;
    }

    /**
     * The basis row at {@code x}: R's {@code predict(ns_obj, x)} (linear beyond the boundary knots).
     *
     * @param x a finite value
     * @return {@link #df()} values
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public double[] basis(double x) {
        double[] out = new double[df];
        new Design(this).basis(x, out, 0);
        return out;
    }

    /** The basis rows at each of {@code xs} (the matrices built once). */
    double[][] basis(double[] xs) {
        Design d = new Design(this);
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = new double[df];
            d.basis(xs[i], out[i], 0);
        }
        return out;
    }

    /**
     * The {@code order}-th derivative of every basis column at {@code x} in
     * {@code [lowerBoundary, upperBoundary]} (order 2 is zero at both boundary knots).
     */
    double[] derivative(double x, int order) {
        Design d = new Design(this);
        double[] out = new double[df];
        d.project(d.derivatives(x, order), out, 0);
        return out;
    }

    /** The knot sequence and the QR of the natural-spline constraint, built from the knots. */
    private static final class Design {
        private final double lower;
        private final double upper;
        private final double[] knots;      // Aknots
        private final double[][] qr;       // Householder vectors of C' (rows = B-splines 2..nb, 2 columns)
        private final double[] qraux;

        Design(NaturalSpline s) {
            this.lower = s.lowerBoundary;
            this.upper = s.upperBoundary;
            int ni = s.interiorKnots.size();
            knots = new double[ni + 2 * ORDER];
            for (int i = 0; i < ORDER; i++) {
                knots[i] = lower;
                knots[ni + ORDER + i] = upper;
            }
            for (int i = 0; i < ni; i++) {
                knots[ORDER + i] = s.interiorKnots.get(i);
            }
            Arrays.sort(knots);
            int nb = knots.length - ORDER;        // B-splines
            double[] d2lo = derivatives(lower, 2);
            double[] d2hi = derivatives(upper, 2);
            int n = nb - 1;                       // without the first column
            qr = new double[n][2];
            for (int i = 0; i < n; i++) {
                qr[i][0] = d2lo[i + 1];
                qr[i][1] = d2hi[i + 1];
            }
            qraux = householder(qr);
        }

        /** Writes the basis row at {@code x} into {@code out[offset ..]}. */
        void basis(double x, double[] out, int offset) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("x of natural spline basis must be finite: " + x);
            }
            double[] b;
            if (x < lower || x > upper) {
                double pivot = x < lower ? lower : upper;
                double[] v = derivatives(pivot, 0);
                double[] d = derivatives(pivot, 1);
                b = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = v[i] + (x - pivot) * d[i];
                }
            } else {
                b = derivatives(x, 0);
            }
            project(b, out, offset);
        }

        /** Drops the first B-spline and applies Q' of the constraint QR; writes columns 3.. of the result. */
        private void project(double[] b, double[] out, int offset) {
            int n = b.length - 1;
            double[] y = new double[n];
            System.arraycopy(b, 1, y, 0, n);
            // Q'y by dqrsl: apply H1 then H2.
            for (int j = 0; j < 2; j++) {
                if (qraux[j] == 0) {
                    continue;
                }
                double ujj = qraux[j];
                double dot = ujj * y[j];
                for (int i = j + 1; i < n; i++) {
                    dot += qr[i][j] * y[i];
                }
                double t = -dot / ujj;
                y[j] += t * ujj;
                for (int i = j + 1; i < n; i++) {
                    y[i] += t * qr[i][j];
                }
            }
            System.arraycopy(y, 2, out, offset, n - 2);
        }

        /**
         * LINPACK {@code dqrdc2} without pivoting (the two constraint columns have full rank) on an
         * n×2 matrix, in place; returns {@code qraux}.
         */
        private static double[] householder(double[][] x) {
            int n = x.length;
            double[] qraux = new double[2];
            for (int l = 0; l < 2; l++) {
                if (l == n - 1) {
                    continue;   // dqrdc2: the last row needs no reflection (dqrsl never applies it)
                }
                double nrm = 0;
                for (int i = l; i < n; i++) {
                    nrm = Math.hypot(nrm, x[i][l]);
                }
                if (nrm == 0) {
                    continue;
                }
                if (x[l][l] != 0) {
                    nrm = Math.copySign(nrm, x[l][l]);
                }
                for (int i = l; i < n; i++) {
                    x[i][l] /= nrm;
                }
                x[l][l] += 1;
                for (int j = l + 1; j < 2; j++) {
                    double dot = 0;
                    for (int i = l; i < n; i++) {
                        dot += x[i][l] * x[i][j];
                    }
                    double t = -dot / x[l][l];
                    for (int i = l; i < n; i++) {
                        x[i][j] += t * x[i][l];
                    }
                }
                qraux[l] = x[l][l];
                x[l][l] = -nrm;
            }
            return qraux;
        }

        /**
         * The {@code deriv}-th derivatives of every cubic B-spline on {@link #knots} at {@code x}
         * (Cox–de Boor; the last interval is closed on the right, as R's {@code splineDesign}).
         */
        double[] derivatives(double x, int deriv) {
            double[] t = knots;
            int nt = t.length;
            int nb = nt - ORDER;
            int span = ORDER - 1;
            while (span < nb - 1 && !(x < t[span + 1])) {
                span++;
            }
            // table[k][i] = B_{i,k} (order k = 1..ORDER) at x
            double[][] table = new double[ORDER + 1][nt];
            table[1][span] = 1;
            for (int k = 2; k <= ORDER; k++) {
                for (int i = 0; i + k < nt; i++) {
                    double v = 0;
                    double d1 = t[i + k - 1] - t[i];
                    if (d1 > 0) {
                        v += (x - t[i]) / d1 * table[k - 1][i];
                    }
                    double d2 = t[i + k] - t[i + 1];
                    if (d2 > 0) {
                        v += (t[i + k] - x) / d2 * table[k - 1][i + 1];
                    }
                    table[k][i] = v;
                }
            }
            double[] out = new double[nb];
            for (int i = 0; i < nb; i++) {
                out[i] = derivative(table, i, ORDER, deriv);
            }
            return out;
        }

        private double derivative(double[][] table, int i, int k, int d) {
            if (d == 0) {
                return table[k][i];
            }
            double[] t = knots;
            double v = 0;
            double d1 = t[i + k - 1] - t[i];
            if (d1 > 0) {
                v += derivative(table, i, k - 1, d - 1) / d1;
            }
            double d2 = t[i + k] - t[i + 1];
            if (d2 > 0) {
                v -= derivative(table, i + 1, k - 1, d - 1) / d2;
            }
            return (k - 1) * v;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ns(df = ").append(df).append(", knots = [");
        for (int i = 0; i < interiorKnots.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(fmt(interiorKnots.get(i)));
        }
        return s.append("], boundary = [").append(fmt(lowerBoundary)).append(", ").append(fmt(upperBoundary))
                .append("])").toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
