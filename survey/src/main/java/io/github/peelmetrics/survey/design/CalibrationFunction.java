package io.github.peelmetrics.survey.design;

/**
 * The distance function of {@link SurveyDesign#calibrate}, R {@code survey}'s
 * {@code calibrate(calfun = ...)} (survey 4.1-1): the calibrated weight is {@code w⁰·g} with
 * {@code g = 1 + F(x'λ)}, λ found by Newton's method from λ = 0 until
 * {@code max |T − Σ w⁰ g x|/(1 + |T|) < epsilon}.
 */
public enum CalibrationFunction {
    /**
     * Linear (GREG): {@code g = 1 + x'λ}, truncated to the bounds if any; without bounds the
     * closed form {@code g = 1 + x'(Σ w⁰xx')⁻¹(T − Σ w⁰x)} (R's {@code regcalibrate}).
     */
    LINEAR("linear"),
    /** Raking: {@code g = exp(x'λ)}, truncated to the bounds if any. */
    RAKING("raking"),
    /**
     * Bounded logit: {@code g = (L(U − 1) + U(1 − L)e^{Au})/(U − 1 + (1 − L)e^{Au})},
     * {@code A = (U − L)/((U − 1)(1 − L))}, so that {@code L < g < U}; needs finite bounds
     * {@code L < 1 < U}.
     */
    LOGIT("logit");

    private final String rName;

    CalibrationFunction(String rName) {
        this.rName = rName;
    }

    /** R's name, the argument of {@code calibrate(calfun = ...)}. */
    public String rName() {
        return rName;
    }

    /** g − 1 at u = x'λ. */
    double fm1(double u, double lo, double hi) {
        switch (this) {
            case LINEAR:
                return Math.min(Math.max(u + 1, lo), hi) - 1;
            case RAKING:
                return Math.min(Math.max(Math.exp(u), lo), hi) - 1;
            default: {
                double a = (hi - lo) / ((hi - 1) * (1 - lo));
                double e = Math.exp(a * u);
                return (lo * (hi - 1) + hi * (1 - lo) * e) / (hi - 1 + (1 - lo) * e) - 1;
            }
        }
    }

    /** dg/du. */
    double derivative(double u, double lo, double hi) {
        switch (this) {
            case LINEAR:
                return u < hi - 1 && u > lo - 1 ? 1 : 0;
            case RAKING:
                return u < hi - 1 && u > lo - 1 ? Math.exp(u) : 0;
            default: {
                double a = (hi - lo) / ((hi - 1) * (1 - lo));
                double e = Math.exp(a * u);
                double den = hi - 1 + (1 - lo) * e;
                return hi * (1 - lo) * e * a / den - ((lo * (hi - 1) + hi * (1 - lo) * e) * ((1 - lo) * e * a))
                        / (den * den);
            }
        }
    }
}
