package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.internal.Format;

/**
 * OPP's aggregate hit rate of one race: the <em>unweighted</em> mean over the locations where the
 * race was acted on of each location's pooled hit rate ({@code average_hit_rate}), and of its
 * counts ({@code average_n_outcome}, {@code average_n_action}); {@code lib/outcome_test.R} lines
 * 83-149. With one location it is that location's pooled rate.
 *
 * @param estimate       the mean of the locations' hit rates
 * @param averageHits    the mean of the locations' hits
 * @param averageActions the mean of the locations' actions
 * @param geographies    the number of locations averaged
 */
public record AverageHitRate(double estimate, double averageHits, double averageActions, int geographies) {

    /** Checks the number of locations. */
    public AverageHitRate {
        if (geographies < 1) {
            throw new IllegalArgumentException("average hit rate needs at least one location: " + geographies);
        }
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " (mean of " + geographies + (geographies == 1 ? " location)" : " locations)");
    }
}
