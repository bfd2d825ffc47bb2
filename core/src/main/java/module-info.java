/**
 * Peel's vocabulary: the domain records (survey responses, stops, complaints, beats, officers),
 * open demographic categories, the {@link io.github.peelmetrics.core.Tally} contract, and the
 * statistical value types and inference primitives of {@code io.github.peelmetrics.core.stats}.
 */
module io.github.peelmetrics.core {
    requires org.apache.commons.numbers.gamma;

    exports io.github.peelmetrics.core;
    exports io.github.peelmetrics.core.stats;
}
