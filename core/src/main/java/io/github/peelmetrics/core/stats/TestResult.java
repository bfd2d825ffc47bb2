package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of a hypothesis test.
 *
 * @param statistic        the test statistic (z, chi-square, S, ...); NaN for tests that have none (Fisher's exact test)
 * @param pValue           the p-value, in [0, 1] or NaN when not defined
 * @param degreesOfFreedom the degrees of freedom, where the reference distribution has them
 * @param method           the test, e.g. {@code pearson-chi-square}
 */
public record TestResult(double statistic, double pValue, OptionalDouble degreesOfFreedom, String method) {

    /** Validates the p-value range (NaN allowed: not defined) and the method. */
    public TestResult {
        Objects.requireNonNull(degreesOfFreedom, "TestResult degreesOfFreedom must not be null");
        Objects.requireNonNull(method, "TestResult method must not be null");
        if (method.isBlank()) {
            throw new IllegalArgumentException("TestResult method must not be blank: \"" + method + "\"");
        }
        if (pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException("TestResult pValue must be in [0, 1] (or NaN when not defined): " + pValue);
        }
    }

    /** A test without degrees of freedom. */
    public static TestResult of(double statistic, double pValue, String method) {
        return new TestResult(statistic, pValue, OptionalDouble.empty(), method);
    }

    /** A test with degrees of freedom. */
    public static TestResult of(double statistic, double pValue, double degreesOfFreedom, String method) {
        return new TestResult(statistic, pValue, OptionalDouble.of(degreesOfFreedom), method);
    }

    /** Whether {@code pValue < alpha}. */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }

    @Override
    public String toString() {
        return method + "[stat=" + Format.num(statistic)
                + (degreesOfFreedom.isPresent() ? ", df=" + Format.num(degreesOfFreedom.getAsDouble()) : "")
                + ", p=" + Format.p(pValue) + "]";
    }
}
