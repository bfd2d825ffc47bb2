/**
 * Rates of events per resident, as the Stanford Open Policing Project reports them:
 * {@link io.github.peelmetrics.metrics.rates.OppStopRates} applies OPP's base eligibility rules
 * to stops and turns them, with the residents of each race, into a
 * {@link io.github.peelmetrics.metrics.rates.StopRateTable}: OPP's annualized stop rate per race
 * and Poisson rate ratios against a reference race
 * ({@link io.github.peelmetrics.metrics.trend.RateComparison}).
 *
 * <p>Stops are events, not people: one resident can be stopped many times, so a stop count can
 * exceed the population and ratios of stop rates are Poisson rate ratios over person-years, never
 * Katz risk ratios. Every rate says the period it covers.
 */
package io.github.peelmetrics.metrics.rates;
