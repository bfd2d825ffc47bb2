/**
 * What the community says: survey weighting (post-stratification, raking, trimming),
 * design-based estimates with the standard errors R's {@code survey} package gives, trust
 * indices and scale reliability.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.survey.SurveySample}: a columnar sample (design weights,
 *       categorical variables as codes, numeric variables with missing values), from
 *       {@code SurveyResponse} records or arrays;</li>
 *   <li>weighting, each step configured by its factory and applied by {@code fit}:
 *       {@link io.github.peelmetrics.survey.PostStratify}{@code .to(margin).fit(sample)},
 *       {@link io.github.peelmetrics.survey.Rake}{@code .to(margins).fit(sample)} (R {@code rake()}
 *       defaults, or {@code strict()}), {@link io.github.peelmetrics.survey.Trim}{@code
 *       .between(L, U).fit(weighted)} ({@code trimWeights(strict = TRUE)}); Kish's figures
 *       ({@link io.github.peelmetrics.survey.Kish});</li>
 *   <li>estimates on a {@link io.github.peelmetrics.survey.WeightedSample}:
 *       {@link io.github.peelmetrics.survey.SurveyMean} ({@code svymean}),
 *       {@link io.github.peelmetrics.survey.DomainMeans} ({@code svyby}), intervals by
 *       {@link io.github.peelmetrics.survey.SurveyProportionMethod} ({@code svyciprop}, the
 *       design-based counterpart of core's {@code ProportionMethod});</li>
 *   <li>scales: {@link io.github.peelmetrics.survey.LikertScale},
 *       {@link io.github.peelmetrics.survey.Scales} (predefined definitions, top-box shares),
 *       {@link io.github.peelmetrics.survey.CronbachAlpha} ({@code psych::alpha}).</li>
 * </ul>
 *
 * <p><b>Results</b> are records whose components hold every figure they print, so they can be
 * written whole as JSON: {@code SurveyMean}, {@code DomainMeans}, {@code DomainTable},
 * {@code RakeDiagnostics}, {@code TrimDiagnostics}, {@code Kish}, {@code CronbachAlpha},
 * {@code ScaleScores}. Inputs and configured steps are not results: {@code SurveySample} and
 * {@code WeightedSample} (data and design), {@code Margin} and {@code LikertScale} (settings, as
 * records), {@code Rake}, {@code PostStratify}, {@code Trim}. The point estimate is
 * {@code estimate()} and a confidence level is the last parameter (95% when left out), as in
 * {@code io.github.peelmetrics.core.stats}. A lookup of a level a result does not hold throws,
 * listing the levels it holds; a level with no observed value gives an empty {@code Optional}.
 *
 * <p>Reference implementation: R 4.2.2 with {@code survey} 4.1-1 (Lumley, T. (2010), <i>Complex
 * Surveys: A Guide to Analysis Using R</i>, Wiley) and {@code psych} 2.2.9. The module's
 * conformance tests check every value of the public survey cases against it.
 *
 * <p>Every public type is immutable and thread-safe; no method accepts or returns {@code null}.
 */
package io.github.peelmetrics.survey;
