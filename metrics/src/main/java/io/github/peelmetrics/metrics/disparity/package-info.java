/**
 * Disparity of stops against a benchmark and a reference group:
 * {@link io.github.peelmetrics.metrics.disparity.Disparity} turns a
 * {@link io.github.peelmetrics.metrics.stops.StopTally} and a
 * {@link io.github.peelmetrics.metrics.disparity.Benchmark} into a
 * {@link io.github.peelmetrics.metrics.disparity.DisparityTable}: stop rates per 1,000 residents,
 * disparity indices, Katz rate ratios for stops, searches, hits (the outcome test), arrests and
 * force, chi-square tests of search rates with Holm and Benjamini-Hochberg adjustment, and the
 * {@link io.github.peelmetrics.metrics.disparity.RelativeRateIndex} matrix.
 *
 * <p>The {@code unknown} group counts in totals and is excluded from shares, indices, ratios and
 * tests; {@code other} is a real group; a stop with no recorded search status is left out of the
 * search denominator; outcome {@code NONE} is a real outcome.
 */
package io.github.peelmetrics.metrics.disparity;
