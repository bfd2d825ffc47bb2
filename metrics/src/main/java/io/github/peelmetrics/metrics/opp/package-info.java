/**
 * The Stanford Open Policing Project's eligibility rules, shared by every OPP analysis in Peel.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.metrics.opp.OppBaseRules}: OPP's base rules
 *       ({@code lib/eligibility.R load_base_for}, steps 1-8), used by the outcome test
 *       ({@link io.github.peelmetrics.metrics.outcome.OutcomeTest}) and the stop rates
 *       ({@link io.github.peelmetrics.metrics.rates.OppStopRates});</li>
 *   <li>{@link io.github.peelmetrics.metrics.opp.EligibilityStep}: one rule's stops and searches kept
 *       and dropped, named by its {@link io.github.peelmetrics.metrics.opp.EligibilityRule}.</li>
 * </ul>
 */
package io.github.peelmetrics.metrics.opp;
