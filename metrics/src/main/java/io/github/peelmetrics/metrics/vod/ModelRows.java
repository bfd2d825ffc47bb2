package io.github.peelmetrics.metrics.vod;

/**
 * What the rows of the veil of darkness regression are. Both estimate the same darkness effect
 * from the same stops; they differ in the time covariate, the spline's knots and what the deviance
 * measures.
 */
public enum ModelRows {
    /**
     * One row per stop: {@code glm(minority ~ is_dark + ns(minute, df) [+ ...], binomial)} with the
     * spline's knots at quantiles of every stop's minute. Deviance is {@code −2·logLikelihood}
     * (Bernoulli), {@code dfResidual = stops − coefficients}. Peel's default.
     */
    STOPS,
    /**
     * The Stanford Open Policing Project's {@code train_vod_model}: stops aggregated into cells of
     * (dark, {@code rounded_minute = round(minute / 5) · 5}[, level]) with counts of the group and
     * of the reference, and {@code glm(cbind(n_minority, n_reference) ~ is_dark + ns(rounded_minute,
     * df) ..., binomial)}. The knots are quantiles of the cells' rounded minutes, one value per
     * cell (unweighted), so they differ from the stop-level knots; deviance is against the
     * saturated cell model, the log-likelihood includes {@code log C(n, k)}, and
     * {@code dfResidual = cells − coefficients}.
     */
    OPP_ROUNDED_CELLS
}
