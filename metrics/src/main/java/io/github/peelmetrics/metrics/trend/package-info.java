/**
 * Trend and change tests: is a change in a policing or trust figure real?
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.metrics.trend.MannKendall} (with
 *       {@link io.github.peelmetrics.metrics.trend.SensSlope}) and
 *       {@link io.github.peelmetrics.metrics.trend.SeasonalMannKendall}: monotone trend in a series;</li>
 *   <li>{@link io.github.peelmetrics.metrics.trend.CochranArmitage}: trend in proportions over
 *       ordered survey waves;</li>
 *   <li>{@link io.github.peelmetrics.metrics.trend.ProportionChange}: change between two waves,
 *       from counts or from two weighted estimates with their standard errors;</li>
 *   <li>{@link io.github.peelmetrics.metrics.trend.RateComparison} and
 *       {@link io.github.peelmetrics.metrics.trend.PoissonRate}: change in an event rate;</li>
 *   <li>{@link io.github.peelmetrics.metrics.trend.InterruptedTimeSeries} and
 *       {@link io.github.peelmetrics.metrics.trend.DifferenceInDifferences}: regression designs
 *       for an intervention, with classic, Newey-West and cluster-robust standard errors.</li>
 * </ul>
 *
 * <p>Every result is immutable and thread-safe; inputs are copied. Numbers agree with the
 * reference implementations named in each class (R {@code trend} formulas, R
 * {@code prop.trend.test}, epitools, statsmodels) on the conformance cases in
 * {@code metrics/trend.json} and {@code metrics/rates.json}.
 */
package io.github.peelmetrics.metrics.trend;
