package io.github.peelmetrics.metrics.trend;

/** The alternative hypothesis of a trend or change test. */
public enum Alternative {
    /** The trend (or change) differs from zero in either direction: {@code p = 2·P(Z > |z|)}. */
    TWO_SIDED,
    /** The series increases (the change is positive): {@code p = P(Z > z)}. */
    INCREASING,
    /** The series decreases (the change is negative): {@code p = P(Z < z)}. */
    DECREASING;

    /** The p-value of a standard normal statistic {@code z} under this alternative. */
    double pValue(double z) {
        return switch (this) {
            case TWO_SIDED -> io.github.peelmetrics.core.stats.Distributions.normalTwoSided(z);
            case INCREASING -> io.github.peelmetrics.core.stats.Distributions.normalSf(z);
            case DECREASING -> io.github.peelmetrics.core.stats.Distributions.normalCdf(z);
        };
    }
}
