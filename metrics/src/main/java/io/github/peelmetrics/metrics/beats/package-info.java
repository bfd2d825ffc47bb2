/**
 * Beat (geographic) policing metrics: {@link io.github.peelmetrics.metrics.beats.AssignmentStability}
 * (share of an officer's shifts on their primary beat, share of a beat's shifts worked by its
 * regular officers), {@link io.github.peelmetrics.metrics.beats.NonEnforcement} (share of contacts
 * without enforcement action) and {@link io.github.peelmetrics.metrics.beats.WorkforceRepresentation}
 * (group share of officers over group share of residents; {@code unknown} counted in totals and
 * excluded from shares and ratios).
 */
package io.github.peelmetrics.metrics.beats;
