/**
 * One-pass, mergeable stop tallies: {@link io.github.peelmetrics.metrics.stops.StopTally} counts
 * stops, searches by basis, contraband found, outcomes and use of force by group and by a key of
 * the caller's choice (beat, month, ...), and {@link io.github.peelmetrics.metrics.stops.StopCounts}
 * is the immutable result of one cell.
 *
 * <p>Missing values: {@code unknown} race counts in every total; an unrecorded search status,
 * contraband finding or outcome leaves the stop out of that denominator only; outcome
 * {@code NONE} is a real outcome.
 */
package io.github.peelmetrics.metrics.stops;
