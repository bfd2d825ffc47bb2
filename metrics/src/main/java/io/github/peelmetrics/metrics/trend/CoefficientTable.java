package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Regression coefficients under one covariance estimator.
 *
 * @param covariance       the estimator: {@code classic}, {@code newey-west(L)},
 *                         {@code newey-west(L)·n/(n-k)}, {@code cluster-cr1}
 * @param coefficients     the coefficients, in the model's term order
 * @param degreesOfFreedom the t degrees of freedom of the p-values, empty for normal (z) p-values
 */
public record CoefficientTable(String covariance, List<Coefficient> coefficients, OptionalDouble degreesOfFreedom) {

    /** Validates and copies. */
    public CoefficientTable {
        Objects.requireNonNull(covariance, "covariance");
        coefficients = List.copyOf(coefficients);
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
    }

    static CoefficientTable of(String covariance, String[] terms, double[] beta, double[][] v, OptionalDouble df) {
        List<Coefficient> out = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            double se = Math.sqrt(v[i][i]);
            double stat = beta[i] / se;
            double p = df.isPresent() ? Distributions.tTwoSided(stat, df.getAsDouble()) : Distributions.normalTwoSided(stat);
            out.add(new Coefficient(terms[i], beta[i], se, stat, p));
        }
        return new CoefficientTable(covariance, out, df);
    }

    /** The same estimates and standard errors with p-values from t on {@code df} degrees of freedom (or normal when empty). */
    CoefficientTable withDegreesOfFreedom(OptionalDouble df) {
        List<Coefficient> out = new ArrayList<>();
        for (Coefficient c : coefficients) {
            double stat = c.statistic();
            double p = df.isPresent() ? Distributions.tTwoSided(stat, df.getAsDouble()) : Distributions.normalTwoSided(stat);
            out.add(new Coefficient(c.term(), c.estimate(), c.standardError(), stat, p));
        }
        return new CoefficientTable(covariance, out, df);
    }

    /**
     * The coefficient of {@code term}.
     *
     * @throws IllegalArgumentException when the model has no such term
     */
    public Coefficient coefficient(String term) {
        Objects.requireNonNull(term, "term must not be null");
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        throw Checks.notHeld("coefficient table (" + covariance + ")", "term", term,
                coefficients.stream().map(Coefficient::term).toList());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(Format.f("%-14s %12s %12s %9s %10s   (%s%s)%n", "term", "estimate", "se",
                degreesOfFreedom.isPresent() ? "t" : "z", "p", covariance,
                degreesOfFreedom.isPresent() ? ", t on " + Format.num(degreesOfFreedom.getAsDouble()) + " df" : ", normal"));
        for (Coefficient c : coefficients) {
            b.append(Format.f("%-14s %12s %12s %9s %10s%n", c.term(), Format.num(c.estimate()), Format.num(c.standardError()),
                    Format.stat(c.statistic()), Format.p(c.pValue())));
        }
        return b.toString();
    }
}
