/**
 * One-pass, mergeable stop tallies: {@link io.github.peelmetrics.metrics.stops.StopTally} counts
 * stops, searches by basis, contraband found, outcomes and use of force by group and by a key of
 * the caller's choice (beat, month, ...); it is a {@link io.github.peelmetrics.core.Tally} whose
 * result is the immutable {@link io.github.peelmetrics.metrics.stops.StopTable}, and
 * {@link io.github.peelmetrics.metrics.stops.StopCounts} holds the counts of one cell or a sum of
 * cells.
 *
 * <p>Missing values: {@code unknown} race counts in every total; an unrecorded search status,
 * contraband finding or outcome leaves the stop out of that denominator only; outcome
 * {@code NONE} is a real outcome. A group or key a tally does not hold is an error, never a row
 * of zeros.
 */
package io.github.peelmetrics.metrics.stops;
