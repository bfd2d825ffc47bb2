/**
 * What the police do and how it changes: stop tallies and disparity tables, complaint and beat
 * metrics, trend and change tests, the veil of darkness test.
 */
package io.github.peelmetrics.metrics;
