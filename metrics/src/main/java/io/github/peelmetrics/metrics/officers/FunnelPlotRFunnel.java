package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.List;
import java.util.Objects;

/**
 * What FunnelPlotR 0.6.0 (github.com/nhs-r-community/FunnelPlotR, commit 9020d49) returns for
 * {@code funnel_plot(d, numerator = O, denominator = E, group = officer, data_type = "SR",
 * sr_method = method)}: its {@code phi}, {@code tau2}, whether it drew adjusted limits, and its
 * {@code aggregated_data}. Made by {@link Funnel#funnelPlotR(PeerComparison, FunnelPlotRMethod)} to
 * reproduce the package's published figures; for decisions use {@link SpiegelhalterFunnel}'s
 * additive model (see {@link FunnelPlotRMethod} for where FunnelPlotR departs from Spiegelhalter 2005).
 *
 * <p>When {@code phi <= 1} FunnelPlotR does not draw adjusted limits and flags outliers against
 * the Poisson limits, else against its over-dispersed limits; a point on a limit is inside.
 *
 * @param method       SHMI (FunnelPlotR's default) or CQC
 * @param phi          the dispersion ratio: mean z² of the kept (SHMI) or winsorised (CQC) z-scores
 * @param tau2         the between-officer variance (DerSimonian-Laird, as FunnelPlotR's {@code tau_func})
 * @param drawAdjusted {@code phi > 1}
 * @param usedForPhi   officers not {@linkplain FunnelPlotRPoint#excludedFromPhi() excluded}
 * @param officers     every officer, in code-point order
 * @param outliers95   officers flagged with {@code limit = 95}
 * @param outliers998  officers flagged with {@code limit = 99} (99.8%)
 */
public record FunnelPlotRFunnel(FunnelPlotRMethod method, double phi, double tau2, boolean drawAdjusted, int usedForPhi,
        List<FunnelPlotRPoint> officers, List<String> outliers95, List<String> outliers998) {

    /** Copies the lists. */
    public FunnelPlotRFunnel {
        Objects.requireNonNull(method, "method");
        officers = List.copyOf(officers);
        outliers95 = List.copyOf(outliers95);
        outliers998 = List.copyOf(outliers998);
    }

    /**
     * One officer's point.
     *
     * @throws IllegalArgumentException if the officer is not on the funnel (the message lists who is)
     */
    public FunnelPlotRPoint officer(String officer) {
        for (FunnelPlotRPoint p : officers) {
            if (p.officer().equals(officer)) {
                return p;
            }
        }
        throw Checks.notHeld("FunnelPlotRFunnel", "officer", officer, officers.stream().map(FunnelPlotRPoint::officer)
                .toList());
    }

    @Override
    public String toString() {
        return "FunnelPlotR " + method + " funnel of " + officers.size() + " officers: phi " + Format.num(phi)
                + " (" + usedForPhi + " officers), tau2 " + Format.num(tau2) + ", "
                + (drawAdjusted ? "over-dispersed limits" : "Poisson limits (phi <= 1)") + "\n"
                + "outliers at 95%: " + outliers95.size() + ", at 99.8%: " + outliers998.size() + " " + outliers998;
    }
}
