/**
 * What the community says: survey weighting (post-stratification, raking, trimming),
 * design-based estimates with the standard errors R's {@code survey} package gives, trust
 * indices and scale reliability.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.survey.SurveySample}: a columnar sample (design weights,
 *       categorical variables as codes, numeric variables with missing values), from
 *       {@code SurveyResponse} records or arrays;</li>
 *   <li>weighting: {@link io.github.peelmetrics.survey.PostStratify},
 *       {@link io.github.peelmetrics.survey.Rake} (R {@code rake()} defaults, or
 *       {@code strict()}), {@link io.github.peelmetrics.survey.Trim}
 *       ({@code trimWeights(strict = TRUE)}), {@link io.github.peelmetrics.survey.Kish};</li>
 *   <li>estimates on a {@link io.github.peelmetrics.survey.WeightedSample}:
 *       {@link io.github.peelmetrics.survey.SurveyMean} ({@code svymean}),
 *       {@link io.github.peelmetrics.survey.DomainMeans} ({@code svyby}),
 *       {@link io.github.peelmetrics.survey.SurveyProportionMethod} ({@code svyciprop});</li>
 *   <li>scales: {@link io.github.peelmetrics.survey.LikertScale},
 *       {@link io.github.peelmetrics.survey.Scales} (predefined definitions, top-box shares),
 *       {@link io.github.peelmetrics.survey.CronbachAlpha} ({@code psych::alpha}).</li>
 * </ul>
 *
 * <p>Reference implementation: R 4.2.2 with {@code survey} 4.1-1 (Lumley, T. (2010), <i>Complex
 * Surveys: A Guide to Analysis Using R</i>, Wiley) and {@code psych} 2.2.9. The module's
 * conformance tests check every value of the public survey cases against it.
 *
 * <p>Every public type is immutable and thread-safe; no method accepts or returns {@code null}.
 */
package io.github.peelmetrics.survey;
