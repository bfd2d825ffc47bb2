/**
 * Officers compared with their peers: indirectly standardised ratios from peer strata and
 * exposure ({@link io.github.peelmetrics.metrics.officers.PeerComparison}), funnel plots that
 * handle over-dispersion as Spiegelhalter (2005, QSHC 14:347) and FunnelPlotR 0.6.0 do
 * ({@link io.github.peelmetrics.metrics.officers.Funnel}), and the Citizens Police Data Project's
 * percentile of allegations per year of service
 * ({@link io.github.peelmetrics.metrics.officers.CpdpPercentile}).
 *
 * <p>Start with {@code PeerComparison.of(records)}; read its Pearson dispersion; then
 * {@code Funnel.spiegelhalter(comparison)} and the officers outside the additive random-effects
 * limits ({@code outside(FunnelModel.ADDITIVE_RANDOM_EFFECTS, 0.998)}), the recommended screen.
 * Numbers agree with R 4.2.2 and FunnelPlotR's own code on the conformance cases
 * {@code metrics/officer_comparison.json} (1e-9), and with CPDP's code exactly. Every result is an
 * immutable, thread-safe record.
 */
package io.github.peelmetrics.metrics.officers;
