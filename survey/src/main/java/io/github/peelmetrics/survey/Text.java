package io.github.peelmetrics.survey;

import java.util.Locale;

/** Number formatting and argument checks shared by the package; fixed locale. */
final class Text {
    private Text() {}

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Four significant digits, scientific for tiny or huge values. */
    static String num(double x) {
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
        if (a != 0 && (a < 1e-3 || a >= 1e7)) {
            return f("%.1e", x);
        }
        return f("%.4g", x);
    }

    static String requireName(String what, String name) {
        if (name == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: \"" + name + "\"");
        }
        return name;
    }

    /** The names held, for a message: at most 20, then "... and N more". */
    static String held(java.util.Collection<String> names) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        for (String s : names) {
            if (i == 20) {
                sb.append(", ... and ").append(names.size() - 20).append(" more");
                break;
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(s);
            i++;
        }
        return sb.append(']').toString();
    }
}
