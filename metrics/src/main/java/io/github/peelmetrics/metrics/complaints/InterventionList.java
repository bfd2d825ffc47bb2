package io.github.peelmetrics.metrics.complaints;

import io.github.peelmetrics.core.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link EarlyIntervention#list}: every officer with an exposure, most unusual first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param falseDiscoveryRate the false discovery rate of the flags, {@code q}
 * @param peerRate           complaints per unit of exposure over every officer, {@code Σc / Σe}
 * @param complaints         officer-complaint pairs counted (a complaint naming two listed officers
 *                           counts twice)
 * @param officers           every officer, by ascending p-value then id (or pseudonym)
 * @param flagged            the flagged officers only, in the same order: the list itself
 * @param unmatchedOfficers  officers named in complaints but without an exposure (id or pseudonym to
 *                           complaints), left out
 */
public record InterventionList(double falseDiscoveryRate, double peerRate, long complaints, List<OfficerFlag> officers,
                               List<OfficerFlag> flagged, Map<String, Long> unmatchedOfficers) {

    /** Checks that {@code flagged} is the flagged officers; copies the collections. */
    public InterventionList {
        Checks.openUnit("falseDiscoveryRate", "intervention list", falseDiscoveryRate);
        if (complaints < 0) {
            throw new IllegalArgumentException("complaints of intervention list must not be negative: " + complaints);
        }
        officers = List.copyOf(officers);
        flagged = List.copyOf(flagged);
        if (!flagged.equals(officers.stream().filter(OfficerFlag::flagged).toList())) {
            throw new IllegalArgumentException("flagged of intervention list must be its flagged officers, in order");
        }
        unmatchedOfficers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(unmatchedOfficers,
                "unmatchedOfficers of intervention list must not be null")));
    }

    /** A table of the flagged officers (or a line saying none is), with the peers' rate. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Early intervention: %d officers, %d complaints, peer rate %.4g per unit of exposure, FDR %s; %d flagged%n",
                officers.size(), complaints, peerRate, falseDiscoveryRate, flagged.size()));
        for (OfficerFlag f : flagged) {
            sb.append("  ").append(f).append(System.lineSeparator());
        }
        if (!unmatchedOfficers.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %d officers named without an exposure were left out%n",
                    unmatchedOfficers.size()));
        }
        return sb.toString().stripTrailing();
    }
}
