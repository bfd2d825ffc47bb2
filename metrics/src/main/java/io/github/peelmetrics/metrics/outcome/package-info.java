/**
 * The outcome test as the Stanford Open Policing Project runs it (Pierson et al. 2020): OPP's
 * eligibility rules, hit rates of discretionary searches by district and race, pooled by location
 * and averaged over locations, the KPT test of those hit rates, and the frisk yield.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.metrics.outcome.OutcomeTest}: the configured test
 *       ({@code OutcomeTest.opp()}), whose {@code test(...)} gives an
 *       {@link io.github.peelmetrics.metrics.outcome.OutcomeTestResult};</li>
 *   <li>{@link io.github.peelmetrics.metrics.outcome.LocationEligibility} and
 *       {@link io.github.peelmetrics.metrics.opp.EligibilityStep}: every rule's stops and
 *       searches kept and dropped ({@link io.github.peelmetrics.metrics.opp.EligibilityRule}; the base rules are {@link io.github.peelmetrics.metrics.opp.OppBaseRules});</li>
 *   <li>{@link io.github.peelmetrics.metrics.outcome.HitRates}: hit rates
 *       ({@link io.github.peelmetrics.metrics.outcome.HitRate},
 *       {@link io.github.peelmetrics.metrics.outcome.AverageHitRate}), the preparation
 *       ({@link io.github.peelmetrics.metrics.outcome.Preparation}) and the KPT tests
 *       ({@link io.github.peelmetrics.metrics.outcome.KptTest}).</li>
 * </ul>
 *
 * <p>A hit-rate gap suggests, but does not show, a lower bar for searching one group
 * (infra-marginality); OPP's threshold test addresses that and is not implemented here. See
 * {@link io.github.peelmetrics.metrics.outcome.OutcomeTest}.
 */
package io.github.peelmetrics.metrics.outcome;
