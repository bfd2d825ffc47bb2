/**
 * Peel's vocabulary: the records agencies and researchers hold.
 *
 * <p>{@link io.github.peelmetrics.core.SurveyResponse}, {@link io.github.peelmetrics.core.Stop},
 * {@link io.github.peelmetrics.core.Complaint}, {@link io.github.peelmetrics.core.Beat},
 * {@link io.github.peelmetrics.core.Officer} and {@link io.github.peelmetrics.core.BeatAssignment}
 * are immutable and validate their fields in their constructors: a bad value fails with an
 * {@link java.lang.IllegalArgumentException} that names the record, the field and the value.
 *
 * <p>Demographic categories are open ({@link io.github.peelmetrics.core.Category}: a code and a
 * label), because agencies use different codebooks; the standard sets are constants in
 * {@link io.github.peelmetrics.core.Races}, {@link io.github.peelmetrics.core.RipaRaces},
 * {@link io.github.peelmetrics.core.Sexes} and {@link io.github.peelmetrics.core.AgeGroups}.
 * "Unknown" is an explicit category, never {@code null}; no method here accepts or returns
 * {@code null}.
 */
package io.github.peelmetrics.core;
