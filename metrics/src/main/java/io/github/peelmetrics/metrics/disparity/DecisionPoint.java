package io.github.peelmetrics.metrics.disparity;

/**
 * The decision points of the {@linkplain RelativeRateIndex relative rate index}, in the order a
 * person meets them. As in the juvenile-justice RRI matrix (OJJDP, <i>Disproportionate Minority
 * Contact Technical Assistance Manual</i>, 4th ed., 2009, ch. 1), the rate at each point is taken
 * over the people who reached the point before it.
 */
public enum DecisionPoint {
    /** Stops per 1,000 of the benchmark population (residents). */
    STOP,
    /** Searches per 100 stops whose search status was recorded. */
    SEARCH,
    /** Arrests per 100 searched stops whose outcome was recorded (arrests after a search). */
    ARREST;

    /** The multiplier of the rate: 1,000 for {@link #STOP}, 100 otherwise. */
    public int per() {
        return this == STOP ? 1000 : 100;
    }
}
