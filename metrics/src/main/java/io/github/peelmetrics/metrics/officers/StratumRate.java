package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;

/**
 * The pooled event rate of one peer stratum over all officers who worked in it (the officer under
 * study included): {@code r_s = Σ_i O_is / Σ_i x_is}.
 *
 * @param stratum  the stratum
 * @param observed the events in it, {@code Σ_i O_is}
 * @param exposure the exposure in it, {@code Σ_i x_is}, positive
 * @param rate     {@code observed / exposure}
 */
public record StratumRate(String stratum, long observed, double exposure, double rate) {

    @Override
    public String toString() {
        return stratum + ": " + observed + " / " + Format.num(exposure) + " = " + Format.num(rate);
    }
}
