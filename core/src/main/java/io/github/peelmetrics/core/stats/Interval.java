package io.github.peelmetrics.core.stats;

import java.util.Objects;

/**
 * A confidence interval and the method that made it.
 *
 * <p>The bounds are IEEE doubles and may be NaN or infinite where the reference implementation
 * gives such values (epitools' Katz bound at a zero cell is NaN or infinite); such cases are
 * documented by the method that produces them.
 *
 * @param lower  the lower bound
 * @param upper  the upper bound
 * @param level  the confidence level, in (0, 1)
 * @param method the method, e.g. {@code wilson}, {@code katz-log}
 */
public record Interval(double lower, double upper, double level, String method) {

    /** Validates the level and the method, and that {@code lower <= upper} when both are numbers. */
    public Interval {
        checkLevel(level);
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("interval method must not be blank");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower bound " + lower + " is above upper bound " + upper);
        }
    }

    /** An interval. */
    public static Interval of(double lower, double upper, double level, String method) {
        return new Interval(lower, upper, level, method);
    }

    /** Whether {@code x} lies in {@code [lower, upper]}. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        return level;
    }

    @Override
    public String toString() {
        return "[" + Format.num(lower) + ", " + Format.num(upper) + "] " + Format.num(level * 100) + "% " + method;
    }
}
