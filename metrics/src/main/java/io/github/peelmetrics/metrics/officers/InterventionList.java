package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link EarlyIntervention#list}: every officer compared with peers, most unusual
 * first, the model used and why, and the funnel behind it.
 *
 * <p><b>Not a publication.</b> The early intervention list is an internal supervisory document:
 * it names (or pseudonymizes) individual officers with their own counts, which is its purpose, and
 * has no public view ({@link io.github.peelmetrics.metrics.publish.Suppression} makes public views
 * of disparity tables and complaint summaries only). Suppressing small counts would not make it
 * safe to publish: a flag is about one officer whatever the count. Publish aggregates instead
 * (complaints by type and finding, via
 * {@code Suppression.publish(ComplaintSummary)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param falseDiscoveryRate the false discovery rate of the flags, {@code q}
 * @param idsPseudonymized   whether officer ids are keyed pseudonyms ({@code false}: raw ids are shown)
 * @param model              the model of the p-values: {@link FunnelModel#ADDITIVE_RANDOM_EFFECTS} when the
 *                           dispersion test rejects, else {@link FunnelModel#UNADJUSTED} (exact Poisson tails)
 * @param modelReason        why that model, in words (the dispersion, the test's p-value, tau2)
 * @param dispersionTest     the over-dispersion test: {@code n·phi} (winsorized) against chi-square on
 *                           {@code n - 1} df (Spiegelhalter 2005)
 * @param pearsonDispersion  Pearson chi-square / df of the counts against their expected values
 * @param phi                the 10%-winsorized dispersion of the funnel's z-scores
 * @param tau2               the additive random-effects variance on the square-root scale (0 without over-dispersion)
 * @param peerRate           events per unit of exposure over every officer
 * @param events             the events counted (complaint-officer accusations with
 *                           {@link EarlyIntervention#list(java.util.Collection, Map)})
 * @param officers           every officer, by ascending p-value then id (or pseudonym)
 * @param flagged            the flagged officers only, in the same order: the list itself
 * @param unmatchedOfficers  officers named in complaints without an exposure (id or pseudonym to count, in
 *                           the order of their ids or pseudonyms), left out
 * @param funnel             the Spiegelhalter funnel the list was read from (limits, z-scores)
 */
public record InterventionList(double falseDiscoveryRate, boolean idsPseudonymized, FunnelModel model,
                               String modelReason, TestResult dispersionTest, double pearsonDispersion, double phi,
                               double tau2, double peerRate, long events, List<OfficerFlag> officers,
                               List<OfficerFlag> flagged, Map<String, Long> unmatchedOfficers,
                               SpiegelhalterFunnel funnel) {

    /** Checks that {@code flagged} is the flagged officers; copies the collections. */
    public InterventionList {
        Checks.openUnit("falseDiscoveryRate", "intervention list", falseDiscoveryRate);
        Objects.requireNonNull(model, "model of intervention list must not be null");
        Objects.requireNonNull(modelReason, "modelReason of intervention list must not be null");
        Objects.requireNonNull(dispersionTest, "dispersionTest of intervention list must not be null");
        Objects.requireNonNull(funnel, "funnel of intervention list must not be null");
        if (events < 0) {
            throw new IllegalArgumentException("events of intervention list must not be negative: " + events);
        }
        officers = List.copyOf(officers);
        flagged = List.copyOf(flagged);
        if (!flagged.equals(officers.stream().filter(OfficerFlag::flagged).toList())) {
            throw new IllegalArgumentException("flagged of intervention list must be its flagged officers, in order");
        }
        unmatchedOfficers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(unmatchedOfficers,
                "unmatchedOfficers of intervention list must not be null")));
    }

    /** The model, the flagged officers (or a line saying none is), and what was left out. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f(
                "Early intervention: %d officers, %d events, peer rate %s per unit of exposure, FDR %s; %s%n",
                officers.size(), events, Format.f("%.4g", peerRate), String.valueOf(falseDiscoveryRate),
                idsPseudonymized ? "ids pseudonymized" : "raw officer ids shown"));
        sb.append(Format.f("  Pearson dispersion %.2f; %s%n", pearsonDispersion, modelReason));
        sb.append(Format.f("  %d flagged%s%n", flagged.size(), flagged.isEmpty() ? "" : ":"));
        for (OfficerFlag f : flagged) {
            sb.append("    ").append(f).append(System.lineSeparator());
        }
        if (!unmatchedOfficers.isEmpty()) {
            sb.append(Format.f("  %d officers named without an exposure were left out (%d accusations)%n",
                    unmatchedOfficers.size(), unmatchedOfficers.values().stream().mapToLong(Long::longValue).sum()));
        }
        return sb.toString().stripTrailing();
    }
}
