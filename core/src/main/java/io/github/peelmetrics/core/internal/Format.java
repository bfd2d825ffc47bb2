package io.github.peelmetrics.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The one place that turns Peel's numbers into text for {@code toString} and tables, always with
 * {@link Locale#ROOT} (a decimal point, ASCII digits), so that what a result prints does not depend
 * on the user's default locale and every module prints a figure the same way. Not API.
 */
public final class Format {
    private Format() {}

    /** {@code String.format} with {@link Locale#ROOT}. */
    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * A figure in prose: whole numbers as integers; otherwise four significant digits, in
     * scientific notation below 0.001 or from 10 million, as R prints it (up to four significant
     * digits, no trailing zeros: {@code 1e-06}, {@code 6.633e-14}); {@code NaN}, {@code Inf},
     * {@code -Inf}.
     */
    public static String num(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return f("%d", (long) x);
        }
        double a = Math.abs(x);
        if (a < 1e-3 || a >= 1e7) {
            return scientific(f("%.3e", x));
        }
        return f("%.4g", x);
    }

    /** {@code 1.500e-06} as {@code 1.5e-06}, {@code 1.000e-06} as {@code 1e-06}. */
    private static String scientific(String s) {
        int e = s.indexOf('e');
        int end = e;
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end) + s.substring(e);
    }

    /**
     * A figure in a table column: three decimals below 10, two below 100, one from 100; scientific
     * (three significant digits) below 0.001 (but not 0) or from a million.
     */
    public static String cell(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return f("%.2e", x);
        }
        return f(a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", x);
    }

    /** {@link #cell(double)} of a present value, {@code -} for an absent one. */
    public static String cell(OptionalDouble x) {
        return x.isPresent() ? cell(x.getAsDouble()) : "-";
    }

    /** A test statistic: two decimals. */
    public static String stat(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return num(x);
        }
        return f("%.2f", x);
    }

    /** A p-value: four decimals from 0.0001, else scientific with three significant digits. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "NaN";
        }
        return p < 1e-4 ? f("%.2e", p) : f("%.4f", p);
    }

    /** A confidence level as a percentage without trailing zeros: 0.95 gives {@code 95}, 0.975 {@code 97.5}. */
    public static String percent(double level) {
        return BigDecimal.valueOf(level * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
