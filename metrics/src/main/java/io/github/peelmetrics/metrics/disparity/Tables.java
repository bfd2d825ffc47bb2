package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.stats.RatioEstimate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Number formatting of the disparity tables: fixed locale, a dash for an undefined value. */
final class Tables {
    private Tables() {}

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", x);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", x);
    }

    static String percent(double level) {
        return java.math.BigDecimal.valueOf(level * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    static String num(OptionalDouble x) {
        return x.isPresent() ? num(x.getAsDouble()) : "-";
    }

    static String ratio(Optional<RatioEstimate> r) {
        return r.map(e -> num(e.estimate())).orElse("-");
    }

    static String ratioWithInterval(Optional<RatioEstimate> r) {
        return r.map(e -> num(e.estimate()) + " [" + num(e.interval().lower()) + ", " + num(e.interval().upper()) + "]")
                .orElse("-");
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "NaN";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
