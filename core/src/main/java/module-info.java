/**
 * Peel's vocabulary: the domain records (survey responses, stops, complaints, beats, officers),
 * open demographic categories, the {@link io.github.peelmetrics.core.Tally} contract, and the
 * statistical value types and inference primitives of {@code io.github.peelmetrics.core.stats}.
 */
module io.github.peelmetrics.core {
    requires org.apache.commons.numbers.gamma;

    exports io.github.peelmetrics.core;
    exports io.github.peelmetrics.core.stats;
    // Shared helpers (formatting, checks, the tallies' byte codec): for Peel's own modules only.
    exports io.github.peelmetrics.core.internal to
            io.github.peelmetrics.survey,
            io.github.peelmetrics.metrics,
            io.github.peelmetrics.io,
            io.github.peelmetrics.geo,
            io.github.peelmetrics.examples;
}
