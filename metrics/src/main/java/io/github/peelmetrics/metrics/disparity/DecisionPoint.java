package io.github.peelmetrics.metrics.disparity;

/**
 * The decision points of the {@linkplain RelativeRateIndex relative rate index}, in the order a
 * person meets them. As in the juvenile-justice RRI matrix (OJJDP, <i>Disproportionate Minority
 * Contact Technical Assistance Manual</i>, 4th ed., 2009, ch. 1), the rate at each point is taken
 * over the people who reached the point before it, so the stages nest: stops out of residents,
 * searches out of those stops, arrests out of those searches. Each says what it counts
 * ({@link #label()}).
 */
public enum DecisionPoint {
    /** Stops per 1,000 of the benchmark population (residents). */
    STOP,
    /** Searches per 100 stops whose search status was recorded. */
    SEARCH,
    /** Arrests per 100 searched stops whose arrest flag was recorded (arrests after a search). */
    ARREST;

    /** The multiplier of the rate: 1,000 for {@link #STOP}, 100 otherwise. */
    public int per() {
        return this == STOP ? 1000 : 100;
    }

    /** What the rate counts, e.g. {@code "searches per 100 stops"}. */
    public String label() {
        return switch (this) {
            case STOP -> "stops per 1000 residents";
            case SEARCH -> "searches per 100 stops";
            case ARREST -> "arrests per 100 searches";
        };
    }
}
