package io.github.peelmetrics.metrics.trend;

import java.util.Locale;

/** Number formatting for {@code toString}: four significant digits, fixed locale. */
final class Fmt {
    private Fmt() {}

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        double a = Math.abs(x);
        if (a < 1e-3 || a >= 1e7) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }

    /** Two decimals for test statistics, as a report prints them. */
    static String stat(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return num(x);
        }
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "NaN";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
