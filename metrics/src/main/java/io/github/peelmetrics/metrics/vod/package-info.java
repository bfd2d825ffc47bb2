/**
 * The veil of darkness test (Grogger and Ridgeway 2006; Pierson et al. 2020): whether one group's
 * share of stops is higher in daylight, when officers can see drivers' race, than after dark at
 * the same clock time.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.metrics.vod.SolarTimes}: sunset and civil dusk for a place and
 *       a date ({@link io.github.peelmetrics.metrics.vod.SolarDay},
 *       {@link io.github.peelmetrics.metrics.vod.SolarEvent});</li>
 *   <li>{@link io.github.peelmetrics.metrics.vod.InterTwilightWindow}: the clock times between the
 *       earliest and latest civil dusk of a year;</li>
 *   <li>{@link io.github.peelmetrics.metrics.vod.NaturalSpline}: R's {@code splines::ns} basis;</li>
 *   <li>{@link io.github.peelmetrics.metrics.vod.VeilOfDarkness}: the test itself, giving a
 *       {@link io.github.peelmetrics.metrics.vod.VeilOfDarknessResult};</li>
 *   <li>{@link io.github.peelmetrics.metrics.vod.VeilOfDarknessTally}: the stops of a test tallied
 *       in constant memory, a {@link io.github.peelmetrics.core.Tally} (add, merge, copy, checked
 *       bytes, count, result).</li>
 * </ul>
 *
 * <p>The logistic regression behind the test is internal (package-private).
 */
package io.github.peelmetrics.metrics.vod;
