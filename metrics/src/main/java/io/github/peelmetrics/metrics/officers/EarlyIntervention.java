package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An early intervention list: officers whose count of complaints (or uses of force, or any event) is
 * unusually high against peers with the same exposure in the same strata, at a stated false
 * discovery rate that holds under a model fitted to the data.
 *
 * <p><b>Peers.</b> Each officer's expected count is {@code E = Σ_s x_s r_s} over the strata the
 * officer worked (beat × shift × period, or whatever the caller's {@link ExposureRecord}s name), with
 * {@code x_s} the officer's exposure there (shifts, contacts, arrests) and {@code r_s} the stratum's
 * rate over every officer ({@link PeerComparison}). With {@link #list(Collection, Map)} there is one
 * stratum and the rate is pooled.
 *
 * <p><b>The model, chosen by a dispersion test.</b> Counts of complaints vary between officers more
 * than a Poisson model allows (on the bundled sample city, Pearson chi-square/df 14.8): against one
 * pooled Poisson rate, every officer a little above the peers looks significant and a "5% false
 * discovery rate" list holds many more false flags than 5%. Following Spiegelhalter (2005, "Handling
 * over-dispersion of performance indicators", Qual Saf Health Care 14:347-351) the list computes the
 * 10%-winsorized dispersion {@code phi} of the funnel's z-scores ({@link Funnel#spiegelhalter}) and
 * tests it: under the Poisson model {@code n·phi} is about chi-square on {@code n - 1} df. When that
 * test rejects at 5% the list uses the <b>additive random-effects model</b> (DerSimonian-Laird
 * {@code tau2} on the square-root scale, Spiegelhalter's recommendation and FunnelPlotR's):
 * {@code z = (sqrt(O/E) - 1)/sqrt(s² + tau2)}, {@code p = 1 - Φ(z)}; otherwise the exact Poisson
 * upper tail {@code P(X >= O | E)}. The one-sided p-values are adjusted by Benjamini and Hochberg
 * (1995) over every officer, and an officer is flagged when the adjusted value is at most {@code q}.
 * The result says which model it used and why ({@link InterventionList#model()},
 * {@link InterventionList#dispersionTest()}).
 *
 * <p><b>Complaints.</b> A complaint counts once for each distinct officer it accuses
 * ({@link Complaint#officerIds()}): an officer named in several allegations of one complaint is one
 * accusation. Officers named without an exposure are counted in
 * {@link InterventionList#unmatchedOfficers()} and left out, never silently.
 *
 * <p><b>Identities.</b> With {@link #pseudonymized(byte[])} every officer id is replaced by a keyed
 * pseudonym (HMAC-SHA256, RFC 2104) before anything else happens, so no raw id appears in any
 * result, message, exception or ordering (lists are ordered by p-value then pseudonym); the agency
 * that holds the key maps pseudonyms back with {@link #pseudonymOf(String)}. Without a key the result
 * says that ids are shown ({@link InterventionList#idsPseudonymized()}).
 *
 * <p>This is a screening device for supervisors (Walker, <i>Early Intervention Systems for Law
 * Enforcement Agencies</i>, COPS Office, 2003), not a finding of misconduct. Immutable and
 * thread-safe.
 */
public final class EarlyIntervention {

    /** The level of the dispersion test that chooses the over-dispersed model. */
    public static final double DISPERSION_TEST_ALPHA = 0.05;

    /** The one stratum of {@link #list(Collection, Map)}. */
    private static final String ALL = "all";

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
     * The same list with officer ids replaced by HMAC-SHA256 pseudonyms under {@code secretKey} (at least
     * 16 bytes; the key is copied).
     */
    public EarlyIntervention pseudonymized(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "pseudonymization key must not be null");
        new Pseudonyms(secretKey); // validates the length
        return new EarlyIntervention(q, Optional.of(secretKey.clone()));
    }

    /**
     * The pseudonym of an officer id under this list's key, for the key holder to find an officer in a
     * list (e.g. {@code officer-3f2a9c0d41b7e655}).
     *
     * @throws IllegalStateException if the list is not pseudonymized
     */
    public String pseudonymOf(String officerId) {
        Objects.requireNonNull(officerId, "officerId");
        return new Pseudonyms(key.orElseThrow(() -> new IllegalStateException(
                "this early intervention list shows ids: it has no pseudonymization key"))).of(officerId);
    }

    /**
     * The list for {@code complaints} and each officer's exposure, one stratum (every officer's peers
     * are all officers): each officer's count is the number of complaints accusing them.
     *
     * @param complaints the complaints
     * @param exposure   each officer's exposure (shifts, contacts, years of service), positive and finite
     * @throws IllegalArgumentException if an exposure is not positive and finite (naming the officer, or its
     *                                  pseudonym), or fewer than two officers have an exposure
     */
    public InterventionList list(Collection<Complaint> complaints, Map<String, Double> exposure) {
        Objects.requireNonNull(complaints, "complaints must not be null");
        Objects.requireNonNull(exposure, "exposure must not be null");
        Names names = names();
        Map<String, Double> e = new HashMap<>();
        for (Map.Entry<String, Double> x : exposure.entrySet()) {
            String id = Objects.requireNonNull(x.getKey(), "officer id of exposure must not be null");
            String shown = names.of(id);
            Double v = Objects.requireNonNull(x.getValue(), () -> "exposure of officer " + shown + " must not be null");
            if (!(v > 0) || v.isInfinite()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "exposure of officer %s must be positive and finite: %s", shown, v));
            }
            e.put(id, v);
        }
        if (e.size() < 2) {
            throw new IllegalArgumentException("an early intervention list needs at least two officers with an exposure: "
                    + e.size());
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
                    unmatched.merge(names.of(o), 1L, Long::sum);
                }
            }
        }
        List<ExposureRecord> records = new ArrayList<>(e.size());
        e.forEach((id, x) -> records.add(ExposureRecord.of(names.of(id), ALL, x, counts.getOrDefault(id, 0L))));
        return build(PeerComparison.of(records), total, unmatched, names.pseudonymized());
    }

    /**
     * The list for counts and exposures per officer and peer stratum: each officer's expected count
     * comes from peers in the same strata ({@link PeerComparison}).
     *
     * @param records one row per officer and stratum worked, with the officer's count there
     * @throws IllegalArgumentException as {@link PeerComparison#of(Collection)} (naming the officer, or its
     *                                  pseudonym)
     */
    public InterventionList list(Collection<ExposureRecord> records) {
        Objects.requireNonNull(records, "records must not be null");
        Names names = names();
        List<ExposureRecord> shown = new ArrayList<>(records.size());
        long total = 0;
        for (ExposureRecord r : records) {
            Objects.requireNonNull(r, "an ExposureRecord is null");
            shown.add(ExposureRecord.of(names.of(r.officer()), r.stratum(), r.exposure(), r.count()));
            total += r.count();
        }
        return build(PeerComparison.of(shown), total, Map.of(), names.pseudonymized());
    }

    private InterventionList build(PeerComparison peers, long total, Map<String, Long> unmatched, boolean pseudonymized) {
        SpiegelhalterFunnel funnel = Funnel.spiegelhalter(peers);
        int n = peers.officers().size();
        double stat = n * funnel.phi();
        int df = n - 1;
        TestResult dispersion = TestResult.of(stat, Distributions.chiSquareSf(stat, df), df,
                "over-dispersion: n x winsorized phi vs chi-square(n - 1)");
        boolean over = dispersion.pValue() < DISPERSION_TEST_ALPHA;
        FunnelModel model = over ? FunnelModel.ADDITIVE_RANDOM_EFFECTS : FunnelModel.UNADJUSTED;
        String why = over
                ? String.format(Locale.ROOT, "counts are over-dispersed (winsorized phi %.3f, test p %s < %s): "
                        + "additive random effects, tau2 %.4g", funnel.phi(), Format.p(
                        dispersion.pValue()), DISPERSION_TEST_ALPHA, funnel.tau2())
                : String.format(Locale.ROOT, "no over-dispersion detected (winsorized phi %.3f, test p %s >= %s): "
                        + "exact Poisson tails", funnel.phi(), Format.p(
                        dispersion.pValue()), DISPERSION_TEST_ALPHA);
        List<OfficerFlag> flags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OfficerRatio r = peers.officers().get(i);
            FunnelPoint f = funnel.officers().get(i);
            double p = over ? f.pUpperAdditive() : r.pUpper();
            double adjusted = over ? f.pUpperAdditiveBh() : r.pUpperBh();
            flags.add(new OfficerFlag(r.officer(), r.observed(), r.exposure(), r.expected(), r.estimate(), r.interval(),
                    f.z(model), p, adjusted, adjusted <= q));
        }
        flags.sort(Comparator.comparingDouble(OfficerFlag::pValue).thenComparing(OfficerFlag::officer));
        return new InterventionList(q, pseudonymized, model, why, dispersion, peers.pearson().dispersion(), funnel.phi(),
                funnel.tau2(), peers.overallRate(), total, flags, flags.stream().filter(OfficerFlag::flagged).toList(),
                unmatched, funnel);
    }

    /** How ids are shown: as they are, or by keyed pseudonym (one MAC per list: not thread-safe). */
    private Names names() {
        return new Names(key.map(Pseudonyms::new));
    }

    private record Names(Optional<Pseudonyms> pseudonyms) {
        String of(String id) {
            return pseudonyms.map(p -> p.of(id)).orElse(id);
        }

        boolean pseudonymized() {
            return pseudonyms.isPresent();
        }
    }

    /** E.g. {@code EarlyIntervention[FDR 0.05, pseudonymized]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EarlyIntervention[FDR %s%s]", q, key.isPresent() ? ", pseudonymized" : "");
    }
}
