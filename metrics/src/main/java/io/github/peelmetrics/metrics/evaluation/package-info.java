/**
 * Program evaluation on counts: did a program reduce crime, compared with what?
 *
 * <ul>
 * <li>{@link io.github.peelmetrics.metrics.evaluation.PoissonDid}: difference in differences on an
 *     area × period panel of counts with population offsets, area and period fixed effects, the
 *     effect as a rate ratio with model-based (Poisson, quasi-Poisson) and cluster-robust (HC0,
 *     HC1 by area) intervals; {@link io.github.peelmetrics.metrics.evaluation.EventStudy}, its
 *     event-study form for pre-trends.</li>
 * <li>{@link io.github.peelmetrics.metrics.evaluation.CallawaySantAnna}: staggered adoption,
 *     group-time average effects with never-treated comparison areas and their aggregations
 *     (Callaway and Sant'Anna 2021), analytic standard errors.</li>
 * <li>{@link io.github.peelmetrics.metrics.evaluation.CountInterruptedTimeSeries}: Poisson /
 *     quasi-Poisson segmented regression with an offset and Newey-West standard errors.</li>
 * <li>{@link io.github.peelmetrics.metrics.evaluation.SyntheticControl}: one treated unit
 *     against a weighted combination of donors (Abadie, Diamond and Hainmueller 2010), with
 *     placebo ranks.</li>
 * </ul>
 *
 * <p>The OLS versions on levels, {@link io.github.peelmetrics.metrics.trend.DifferenceInDifferences}
 * and {@link io.github.peelmetrics.metrics.trend.InterruptedTimeSeries}, remain for outcomes that are
 * not counts. Every model is fitted by the one generalized linear model fitter that the veil of
 * darkness test also uses. Figures agree with R 4.2.2 {@code glm}, {@code sandwich} 3.0-2 and the
 * papers' formulas on the conformance cases {@code metrics/count_evaluation.json}.
 */
package io.github.peelmetrics.metrics.evaluation;
