package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.internal.Format;

/**
 * A hit rate: the share of actions (searches, frisks) that found what was looked for (contraband,
 * a weapon); OPP's {@code n_action}, {@code n_outcome}, {@code hit_rate}.
 *
 * @param actions  the actions ({@code n_action}), at least 1
 * @param hits     those that found something ({@code n_outcome})
 * @param estimate {@code hits / actions} ({@code hit_rate})
 */
public record HitRate(long actions, long hits, double estimate) {

    /** Checks the counts and the estimate. */
    public HitRate {
        if (actions < 1 || hits < 0 || hits > actions) {
            throw new IllegalArgumentException("hit rate needs 0 <= hits <= actions, actions >= 1: " + hits + " of "
                    + actions);
        }
        if (estimate != (double) hits / actions) {
            throw new IllegalArgumentException("hit rate estimate must be hits / actions: " + estimate);
        }
    }

    /** The hit rate of {@code hits} in {@code actions}. */
    public static HitRate of(long actions, long hits) {
        return new HitRate(actions, hits, actions < 1 ? Double.NaN : (double) hits / actions);
    }

    @Override
    public String toString() {
        return Format.num(estimate) + " (" + hits + "/" + actions + ")";
    }
}
