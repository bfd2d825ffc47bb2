package io.github.peelmetrics.metrics.beats;

import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.stops.StopCounts;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What counts as a non-enforcement contact, and its share of the contacts whose outcome was
 * recorded. Stops with outcome {@link StopOutcome#UNKNOWN} are left out of the denominator;
 * {@link StopOutcome#NONE} is a real outcome. Stop records are a proxy: contacts that are not
 * stops at all (community meetings, foot-patrol conversations) live in CAD data, not here.
 */
public enum NonEnforcement {
    /** Only contacts that ended with no action ({@link StopOutcome#NONE}). */
    NO_ACTION,
    /** Contacts that ended with no action or a warning ({@link StopOutcome#NONE} or {@link StopOutcome#WARNING}). */
    NO_ACTION_OR_WARNING;

    /** Contacts that count as non-enforcement under this definition. */
    public long count(StopCounts counts) {
        Objects.requireNonNull(counts, "counts must not be null");
        long n = counts.outcome(StopOutcome.NONE);
        return this == NO_ACTION ? n : n + counts.outcome(StopOutcome.WARNING);
    }

    /** {@code count / outcomeKnown}; empty when no outcome was recorded. */
    public OptionalDouble share(StopCounts counts) {
        long known = Objects.requireNonNull(counts, "counts must not be null").outcomeKnown();
        return known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(counts) / known);
    }

    /** The Wilson interval of the share at {@code level}; empty when no outcome was recorded. */
    public Optional<Interval> interval(StopCounts counts, double level) {
        Checks.level(level, "non-enforcement share");
        long known = Objects.requireNonNull(counts, "counts must not be null").outcomeKnown();
        return known == 0 ? Optional.empty()
                : Optional.of(Proportions.interval(count(counts), known, ProportionMethod.WILSON, level));
    }
}
