package io.github.peelmetrics.metrics.trend;

/**
 * The standard error of a {@linkplain ProportionChange two-wave change} in a proportion from
 * counts {@code x1/n1} (earlier) and {@code x2/n2} (later).
 */
public enum Pooling {
    /**
     * The null standard error, from the pooled proportion {@code p̄ = (x1 + x2)/(n1 + n2)}:
     * {@code sqrt(p̄(1 - p̄)(1/n1 + 1/n2))} (statsmodels {@code proportions_ztest}; its {@code z²}
     * is R's {@code prop.test(correct = FALSE)} statistic). Method {@code pooled-z}.
     */
    POOLED,
    /**
     * The Wald standard error {@code sqrt(p1(1 - p1)/n1 + p2(1 - p2)/n2)} (statsmodels
     * {@code test_proportions_2indep(method='wald', compare='diff')}). Method {@code unpooled-z}.
     */
    UNPOOLED
}
