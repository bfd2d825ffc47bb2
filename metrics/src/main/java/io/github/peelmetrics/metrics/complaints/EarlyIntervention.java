package io.github.peelmetrics.metrics.complaints;

import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An early intervention list: officers whose complaint count is unusually high against their
 * peers' rate, given their exposure.
 *
 * <p>For officer i with exposure {@code e_i} (shifts, contacts, years of service: whatever the
 * caller counts) and {@code c_i} complaints naming them, the peers' rate is
 * {@code λ = Σc / Σe} over every officer of the list, the expected count {@code μ_i = λ·e_i}, and
 * the p-value the Poisson upper tail {@code P(X >= c_i | μ_i)}. The p-values are adjusted by
 * Benjamini and Hochberg (1995) over every officer, and an officer is flagged when the adjusted
 * value is at most the false discovery rate {@code q} (0.05 by default). The pooled rate includes
 * the officer (conservative: nobody is flagged only because no one else had a complaint). A
 * complaint naming several officers counts once for each; officers named without an exposure are
 * counted in {@link InterventionList#unmatchedOfficers()} and left out. This is a screening
 * device for supervisors (Walker, <i>Early Intervention Systems for Law Enforcement Agencies</i>,
 * COPS Office, 2003), not a finding of misconduct.
 *
 * <p>Officer ids may be replaced by keyed pseudonyms ({@link #pseudonymized(byte[])}): HMAC-SHA256
 * (RFC 2104) under a key the agency keeps, so the same officer has the same pseudonym from one
 * report to the next, and nobody without the key can link a pseudonym to an id.
 *
 * <p>Immutable and thread-safe.
 */
public final class EarlyIntervention {

    private final double q;
    private final Optional<byte[]> key;

    private EarlyIntervention(double q, Optional<byte[]> key) {
        this.q = q;
        this.key = key;
    }

    /** Flags at a false discovery rate {@code q} in (0, 1). */
    public static EarlyIntervention atFalseDiscoveryRate(double q) {
        return new EarlyIntervention(Checks.openUnit("false discovery rate", "early intervention", q), Optional.empty());
    }

    /**
     * The same list with officer ids replaced by HMAC-SHA256 pseudonyms under {@code key} (at least
     * 16 bytes; the key is copied).
     */
    public EarlyIntervention pseudonymized(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "pseudonymization key must not be null");
        new Pseudonyms(secretKey); // validates the length
        return new EarlyIntervention(q, Optional.of(secretKey.clone()));
    }

    /**
     * The list for {@code complaints} and each officer's exposure.
     *
     * @throws IllegalArgumentException if an exposure is not positive and finite, or fewer than two
     *                                  officers have an exposure
     */
    public InterventionList list(Collection<Complaint> complaints, Map<String, Double> exposure) {
        Objects.requireNonNull(complaints, "complaints must not be null");
        Objects.requireNonNull(exposure, "exposure must not be null");
        if (exposure.size() < 2) {
            throw new IllegalArgumentException("an early intervention list needs at least two officers with an exposure: "
                    + exposure.size());
        }
        Map<String, Double> e = new TreeMap<>();
        double totalExposure = 0;
        for (Map.Entry<String, Double> x : exposure.entrySet()) {
            String id = Objects.requireNonNull(x.getKey(), "officer id of exposure must not be null");
            Double v = Objects.requireNonNull(x.getValue(), () -> "exposure of officer " + id + " must not be null");
            if (!(v > 0) || v.isInfinite()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "exposure of officer %s must be positive and finite: %s", id, v));
            }
            e.put(id, v);
            totalExposure += v;
        }
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> unmatched = new TreeMap<>();
        long total = 0;
        for (Complaint c : complaints) {
            Objects.requireNonNull(c, "complaint must not be null");
            for (String o : c.officerIds()) {
                if (e.containsKey(o)) {
                    counts.merge(o, 1L, Long::sum);
                    total++;
                } else {
                    unmatched.merge(o, 1L, Long::sum);
                }
            }
        }
        double rate = total / totalExposure;
        List<String> ids = new ArrayList<>(e.keySet());
        double[] p = new double[ids.size()];
        double[] mu = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            mu[i] = rate * e.get(ids.get(i));
            p[i] = Distributions.poissonUpperTail(counts.getOrDefault(ids.get(i), 0L), mu[i]);
        }
        double[] adj = Adjustment.BENJAMINI_HOCHBERG.adjust(p);
        Pseudonyms names = key.map(Pseudonyms::new).orElse(null);
        List<OfficerFlag> flags = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            flags.add(new OfficerFlag(names == null ? id : names.of(id), counts.getOrDefault(id, 0L), e.get(id), mu[i],
                    p[i], adj[i], adj[i] <= q));
        }
        flags.sort(Comparator.comparingDouble(OfficerFlag::pValue).thenComparing(OfficerFlag::officer));
        Map<String, Long> unmatchedOut = new LinkedHashMap<>();
        unmatched.forEach((id, n) -> unmatchedOut.put(names == null ? id : names.of(id), n));
        return new InterventionList(q, rate, total, flags, flags.stream().filter(OfficerFlag::flagged).toList(),
                unmatchedOut);
    }

    /** E.g. {@code EarlyIntervention[FDR 0.05, pseudonymized]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EarlyIntervention[FDR %s%s]", q, key.isPresent() ? ", pseudonymized" : "");
    }
}
