/**
 * Complex survey designs: strata, clusters at one or more stages, finite population corrections
 * and lonely-PSU rules, with R {@code survey}'s linearization variance (survey 4.1-1): means,
 * totals, proportions with {@code svyciprop} intervals, domains on the full design, domain means
 * with their covariance and contrasts ({@code svyby} + {@code svycontrast}), the Rao-Scott
 * chi-square ({@code svychisq}) and the design-based t test ({@code svyttest}).
 *
 * <p>Start with {@link io.github.peelmetrics.survey.design.SurveyDesign#builder(int)}. The
 * single-stage weighted estimators of {@link io.github.peelmetrics.survey} are the special case of a
 * design with one stratum and respondents as units.
 */
package io.github.peelmetrics.survey.design;
