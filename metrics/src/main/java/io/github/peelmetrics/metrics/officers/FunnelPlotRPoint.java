package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;

/**
 * One officer as FunnelPlotR 0.6.0's {@code aggregated_data} holds it.
 *
 * @param officer          the officer ({@code group})
 * @param denominator      the expected count (rounded to 2 decimals under {@link FunnelPlotRMethod#SHMI})
 * @param rr               {@code O/E} with the unrounded E
 * @param z                the unadjusted z-score ({@code Uzscore}): log scale under SHMI, sqrt scale under CQC
 * @param excludedFromPhi  SHMI: truncated (rank group 0 or 9); CQC: not strictly inside the winsor bounds
 * @param odLimits95       the over-dispersed 95% limits FunnelPlotR returns ({@code OD95LCL, OD95UCL});
 *                         under CQC on the sqrt scale (FunnelPlotR#33)
 * @param odLimits998      the over-dispersed 99.8% limits ({@code OD99LCL, OD99UCL})
 * @param poissonLimits95  exact Poisson 95% limits {@code [qchisq(.025, 2E), qchisq(.975, 2(E+1))]/(2E)}
 * @param poissonLimits998 exact Poisson 99.8% limits
 * @param outlier95        FunnelPlotR's flag with {@code limit = 95}
 * @param outlier998       FunnelPlotR's flag with {@code limit = 99} (the 99.8% limits)
 */
public record FunnelPlotRPoint(String officer, double denominator, double rr, double z, boolean excludedFromPhi,
        Interval odLimits95, Interval odLimits998, Interval poissonLimits95, Interval poissonLimits998,
        boolean outlier95, boolean outlier998) {

    @Override
    public String toString() {
        return officer + ": rr " + Format.num(rr) + " at " + Format.num(denominator) + ", z " + Format.stat(z)
                + (outlier998 ? ", outlier at 99.8%" : outlier95 ? ", outlier at 95%" : "");
    }
}
