package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A funnel plot of standardised ratios with over-dispersion handled as Spiegelhalter (2005,
 * "Handling over-dispersion of performance indicators", Qual Saf Health Care 14:347-351) describes,
 * made by {@link Funnel#spiegelhalter(PeerComparison, double)}: square-root scale, target 1,
 * winsorised dispersion {@code phi}, additive random-effects variance {@code tau2}
 * (DerSimonian-Laird moment form), z-scores and limits under each {@link FunnelModel}.
 *
 * <p>Limits for level {@code L} on the ratio scale, {@code q = qnorm(1 - (1-L)/2)}:
 * {@code [max(0, 1 - q σ)², (1 + q σ)²]} with {@code σ = s} (unadjusted), {@code s sqrt(phi_used)}
 * (multiplicative) or {@code sqrt(s² + tau2)} (additive). An officer is outside when its z under the
 * model is above {@code q} or below {@code -q}; a point on a limit is inside.
 *
 * @param trim        the fraction winsorised in each tail (0.1)
 * @param lowerBound  the lower winsor bound: R {@code quantile(z, trim)} (type 7)
 * @param upperBound  the upper winsor bound: R {@code quantile(z, 1 - trim)}
 * @param winsorized  how many officers lie strictly outside the bounds (their z clamped)
 * @param phi         {@code mean(z_winsorized²)} over all officers
 * @param phiUsed     {@code phi} when above 1, else 1 (never deflate)
 * @param tau2        {@code 0} if {@code n·phi < n - 1}, else
 *                    {@code max(0, (n·phi - (n-1)) / (Σw - Σw²/Σw))}, {@code w = 1/s²}
 * @param pearson     the Pearson dispersion of the comparison the funnel was drawn from
 * @param officers    every officer, in the comparison's order
 */
public record SpiegelhalterFunnel(double trim, double lowerBound, double upperBound, int winsorized, double phi,
        double phiUsed, double tau2, PearsonDispersion pearson, List<FunnelPoint> officers) {

    /** The levels the summary prints: 95% and 99.8%. */
    public static final List<Double> DEFAULT_LEVELS = List.of(0.95, 0.998);

    /** Copies the list. */
    public SpiegelhalterFunnel {
        Objects.requireNonNull(pearson, "pearson");
        officers = List.copyOf(officers);
    }

    /** The two-sided critical value {@code q = qnorm(1 - (1 - level)/2)}: 1.959964 at 0.95, 3.090232 at 0.998. */
    public static double criticalValue(double level) {
        Checks.level(level, "SpiegelhalterFunnel");
        return Distributions.normalQuantile(1 - (1 - level) / 2);
    }

    /**
     * The limits on the ratio scale {@code O/E} at an expected count {@code expected} (an officer's, or
     * any point along the funnel's curve).
     *
     * @throws IllegalArgumentException if {@code expected} is not positive and finite, or the level not in (0, 1)
     */
    public Interval limits(FunnelModel model, double expected, double level) {
        Objects.requireNonNull(model, "model");
        if (!(expected > 0) || Double.isInfinite(expected)) {
            throw new IllegalArgumentException("expected count of a funnel limit must be positive and finite: "
                    + expected);
        }
        double q = criticalValue(level);
        double s = 1 / (2 * Math.sqrt(expected));
        double sd = switch (model) {
            case UNADJUSTED -> s;
            case MULTIPLICATIVE -> s * Math.sqrt(phiUsed);
            case ADDITIVE_RANDOM_EFFECTS -> Math.sqrt(s * s + tau2);
        };
        double lo = Math.max(0, 1 - q * sd);
        double hi = 1 + q * sd;
        return Interval.of(lo * lo, hi * hi, "funnel-" + model.name().toLowerCase(java.util.Locale.ROOT), level);
    }

    /** The officers outside the limits of a model at a level (e.g. additive at 0.998). */
    public Outside outside(FunnelModel model, double level) {
        double q = criticalValue(level);
        List<String> high = new ArrayList<>();
        List<String> low = new ArrayList<>();
        for (FunnelPoint p : officers) {
            double z = p.z(Objects.requireNonNull(model, "model"));
            if (z > q) {
                high.add(p.officer());
            } else if (z < -q) {
                low.add(p.officer());
            }
        }
        return new Outside(model, level, high, low);
    }

    /**
     * One officer's point.
     *
     * @throws IllegalArgumentException if the officer is not on the funnel (the message lists who is)
     */
    public FunnelPoint officer(String officer) {
        for (FunnelPoint p : officers) {
            if (p.officer().equals(officer)) {
                return p;
            }
        }
        throw Checks.notHeld("SpiegelhalterFunnel", "officer", officer, officers.stream().map(FunnelPoint::officer)
                .toList());
    }

    /** The dispersion figures and, per model, how many officers lie above and below the 95% and 99.8% limits. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Spiegelhalter funnel of ").append(officers.size()).append(" officers: ").append(pearson).append('\n');
        sb.append("phi ").append(Format.num(phi)).append(" (").append(Format.percent(trim)).append("% winsorised each tail, ")
                .append(winsorized).append(" clamped), phi used ").append(Format.num(phiUsed)).append(", tau2 ")
                .append(Format.num(tau2)).append('\n');
        sb.append(Format.f("%-23s  %8s  %7s  %10s  %9s", "model", "95% high", "95% low", "99.8% high", "99.8% low"));
        for (FunnelModel m : FunnelModel.values()) {
            Outside a = outside(m, 0.95);
            Outside b = outside(m, 0.998);
            sb.append('\n').append(Format.f("%-23s  %8d  %7d  %10d  %9d", m, a.high().size(), a.low().size(),
                    b.high().size(), b.low().size()));
        }
        return sb.toString();
    }
}
