package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import java.util.Arrays;
import java.util.Objects;

/** A series with its missing values (NaN) removed; the others keep their 1-based time positions. */
final class Series {
    final double[] t;
    final double[] y;
    final int missing;

    private Series(double[] t, double[] y, int missing) {
        this.t = t;
        this.y = y;
        this.missing = missing;
    }

    /**
     * Drops NaN values (counted as missing), rejects infinities, requires {@code minimum} values.
     *
     * @param owner the result type, named in messages
     */
    static Series of(double[] values, int minimum, String owner) {
        Objects.requireNonNull(values, "series");
        double[] t = new double[values.length];
        double[] y = new double[values.length];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(Format.f("%s: value at index %d must be finite or NaN (missing): %s",
                        owner, i, v));
            }
            t[k] = i + 1;
            y[k++] = v;
        }
        if (k == 0 && values.length > 0) {
            throw new IllegalArgumentException(Format.f("%s: all %d values are missing (NaN)", owner, values.length));
        }
        if (k < minimum) {
            throw new IllegalArgumentException(Format.f("%s: series too short: %d non-missing values, at least %d needed",
                    owner, k, minimum));
        }
        return new Series(Arrays.copyOf(t, k), Arrays.copyOf(y, k), values.length - k);
    }

    int n() {
        return y.length;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Var(S) with the ties correction: {@code [n(n-1)(2n+5) - Σ t(t-1)(2t+5)]/18}. */
    static double varianceS(long n, long[] ties) {
        double v = (double) n * (n - 1) * (2 * n + 5);
        for (long t : ties) {
            v -= (double) t * (t - 1) * (2 * t + 5);
        }
        return v / 18;
    }
}
