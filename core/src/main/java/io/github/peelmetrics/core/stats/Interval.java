package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Checks;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * A confidence interval and the method that made it.
 *
 * <pre>{@code
 * jshell> Interval.of(0.3942, 0.5865, "wilson", 0.95)
 * [0.3942, 0.5865] 95% wilson
 * }</pre>
 *
 * <p>The bounds are IEEE doubles and may be NaN or infinite where the reference implementation
 * gives such values (epitools' Katz bound at a zero cell is NaN or infinite); such cases are
 * documented by the method that produces them.
 *
 * @param lower  the lower bound
 * @param upper  the upper bound
 * @param method the method, e.g. {@code wilson}, {@code katz-log}
 * @param level  the confidence level, in (0, 1)
 */
public record Interval(double lower, double upper, String method, double level) {

    /** The confidence level of every Peel method called without one: 0.95. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** Validates the level and the method, and that {@code lower <= upper} when both are numbers. */
    public Interval {
        Objects.requireNonNull(method, "Interval method must not be null");
        if (method.isBlank()) {
            throw new IllegalArgumentException("Interval method must not be blank: \"" + method + "\"");
        }
        Checks.level(level, "Interval");
        if (lower > upper) {
            throw new IllegalArgumentException("Interval lower bound " + lower + " is above upper bound " + upper);
        }
    }

    /** An interval. */
    public static Interval of(double lower, double upper, String method, double level) {
        return new Interval(lower, upper, method, level);
    }

    /** Whether {@code x} lies in {@code [lower, upper]}. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return "[" + Format.num(lower) + ", " + Format.num(upper) + "] " + Format.num(level * 100) + "% " + method;
    }
}
