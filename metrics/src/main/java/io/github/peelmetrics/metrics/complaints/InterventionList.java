package io.github.peelmetrics.metrics.complaints;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@link EarlyIntervention#list}: every officer with an exposure, most unusual first.
 *
 * <p>Immutable and thread-safe.
 */
public final class InterventionList {

    private final double q;
    private final double peerRate;
    private final long complaints;
    private final List<OfficerFlag> officers;
    private final Map<String, Long> unmatched;

    InterventionList(double q, double peerRate, long complaints, List<OfficerFlag> officers,
                     Map<String, Long> unmatched) {
        this.q = q;
        this.peerRate = peerRate;
        this.complaints = complaints;
        this.officers = List.copyOf(officers);
        this.unmatched = Collections.unmodifiableMap(new LinkedHashMap<>(unmatched));
    }

    /** The false discovery rate of the flags. */
    public double falseDiscoveryRate() {
        return q;
    }

    /** Complaints per unit of exposure over every officer, {@code Σc / Σe}. */
    public double peerRate() {
        return peerRate;
    }

    /** Officer-complaint pairs counted (a complaint naming two listed officers counts twice). */
    public long complaints() {
        return complaints;
    }

    /** Every officer, by ascending p-value then id (or pseudonym). */
    public List<OfficerFlag> officers() {
        return officers;
    }

    /** The flagged officers only, in the same order. */
    public List<OfficerFlag> flagged() {
        return officers.stream().filter(OfficerFlag::flagged).toList();
    }

    /** Officers named in complaints but without an exposure (id or pseudonym to complaints), left out. */
    public Map<String, Long> unmatchedOfficers() {
        return unmatched;
    }

    /** A table of the flagged officers (or a line saying none is), with the peers' rate. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Early intervention: %d officers, %d complaints, peer rate %.4g per unit of exposure, FDR %s; %d flagged%n",
                officers.size(), complaints, peerRate, q, flagged().size()));
        for (OfficerFlag f : flagged()) {
            sb.append("  ").append(f).append(System.lineSeparator());
        }
        if (!unmatched.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %d officers named without an exposure were left out%n",
                    unmatched.size()));
        }
        return sb.toString().stripTrailing();
    }
}
