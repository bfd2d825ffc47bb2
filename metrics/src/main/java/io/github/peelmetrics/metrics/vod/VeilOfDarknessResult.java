package io.github.peelmetrics.metrics.vod;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The veil of darkness test: the darkness coefficient of the logistic regression
 * {@code logit P(minority) = β0 + β·dark + ns(minute, df) [+ beat or district [× spline]]} among
 * the stops of the group(s) of interest and the reference group, and the stops behind it.
 *
 * <p>{@code coefficient < 0} (odds ratio below 1) means the group's share of stops falls after
 * dark at the same clock time, the pattern expected when officers stop the group more often when
 * they can see race (Grogger and Ridgeway 2006; Pierson et al. 2020).
 *
 * @param minority       the group(s) of interest (the outcome is 1 for these races)
 * @param reference      the reference group (the outcome is 0 for these races, stops of other races
 *                       were dropped); empty when the comparison is against every other known race
 * @param fixedEffects   the fixed effects in the model
 * @param darknessRule   how stops were classified and where the window came from
 * @param modelRows      what the regression's rows were (stops, or OPP's rounded-minute cells)
 * @param coefficient    the darkness coefficient β (log odds ratio, dark vs light)
 * @param standardError  its standard error, from the observed information
 * @param z              {@code coefficient / standardError}
 * @param pValue         the two-sided Wald p-value {@code 2Φ(−|z|)}
 * @param oddsRatio      {@code exp(β)} with the Wald interval {@code exp(β ∓ z_{1−α/2}·se)}
 *                       (R's {@code exp(confint.default(m))}, method {@code wald})
 * @param deviance       the residual deviance ({@code −2·logLikelihood}: Bernoulli outcomes)
 * @param nullDeviance   the deviance of the intercept-only model
 * @param logLikelihood  the maximized log-likelihood
 * @param aic            {@code deviance + 2·coefficients}
 * @param dfResidual     {@code rows − coefficients}
 * @param coefficients   the number of coefficients (intercept, darkness, {@code df} spline columns,
 *                       levels − 1, and {@code df · (levels − 1)} when the spline is interacted)
 * @param rows           the regression's rows: {@code used} for {@link ModelRows#STOPS}, else the cells
 * @param iterations     IRLS iterations
 * @param used           stops in the model
 * @param dark           of which after civil dusk
 * @param light          of which before sunset
 * @param minorityStops  of which in the group(s) of interest
 * @param excluded       stops left out, by reason (every reason, in the order of {@link Exclusion})
 * @param excludedTotal  the stops left out, over all reasons
 * @param windows        the inter-twilight window of each location: key {@code "city"} for one
 *                       city location, else the beat ids of the beats at that location
 * @param spline         the time-of-day spline basis (R's {@code ns(minute, df)} knots)
 */
public record VeilOfDarknessResult(
        Set<Category> minority,
        Set<Category> reference,
        FixedEffects fixedEffects,
        DarknessRule darknessRule,
        ModelRows modelRows,
        double coefficient,
        double standardError,
        double z,
        double pValue,
        RatioEstimate oddsRatio,
        double deviance,
        double nullDeviance,
        double logLikelihood,
        double aic,
        long dfResidual,
        int coefficients,
        long rows,
        int iterations,
        long used,
        long dark,
        long light,
        long minorityStops,
        Map<Exclusion, Long> excluded,
        long excludedTotal,
        Map<String, InterTwilightWindow> windows,
        NaturalSpline spline) {

    /** Validates and copies the collections (unmodifiable). */
    public VeilOfDarknessResult {
        Objects.requireNonNull(minority, "minority of veil of darkness result must not be null");
        Objects.requireNonNull(reference, "reference of veil of darkness result must not be null");
        Objects.requireNonNull(fixedEffects, "fixedEffects of veil of darkness result must not be null");
        Objects.requireNonNull(darknessRule, "darknessRule of veil of darkness result must not be null");
        Objects.requireNonNull(modelRows, "modelRows of veil of darkness result must not be null");
        Objects.requireNonNull(oddsRatio, "oddsRatio of veil of darkness result must not be null");
        Objects.requireNonNull(excluded, "excluded of veil of darkness result must not be null");
        Objects.requireNonNull(windows, "windows of veil of darkness result must not be null");
        Objects.requireNonNull(spline, "spline of veil of darkness result must not be null");
        if (used < 0 || dark < 0 || light < 0 || dark + light != used || minorityStops < 0 || minorityStops > used) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "counts of veil of darkness result are inconsistent: used %d, dark %d, light %d, minority %d",
                    used, dark, light, minorityStops));
        }
        minority = Collections.unmodifiableSet(new LinkedHashSet<>(minority));
        reference = Collections.unmodifiableSet(new LinkedHashSet<>(reference));
        EnumMap<Exclusion, Long> ex = new EnumMap<>(Exclusion.class);
        for (Exclusion e : Exclusion.values()) {
            ex.put(e, 0L);
        }
        ex.putAll(excluded);
        excluded = Collections.unmodifiableMap(ex);
        long sum = 0;
        for (long v : ex.values()) {
            if (v < 0) {
                throw new IllegalArgumentException("excluded stops of veil of darkness result must not be negative: " + ex);
            }
            sum += v;
        }
        if (excludedTotal != sum) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "excludedTotal of veil of darkness result must be the %d stops excluded: %d", sum, excludedTotal));
        }
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    /** The Wald test of no darkness effect ({@code β = 0}): z and its two-sided p-value. */
    public TestResult testResult() {
        return TestResult.of(z, pValue, "veil-of-darkness-wald-z");
    }

    /** A small table: the darkness effect, the model and the counts. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        String fe = !fixedEffects.byLevel() ? "" : (fixedEffects.interacted() ? " * " : " + ") + fixedEffects.term();
        s.append(String.format(Locale.ROOT, "veil of darkness, %s vs %s: %s ~ dark + ns(%s, df = %d)%s%s%n",
                codes(minority), reference.isEmpty() ? "all other races" : codes(reference), codes(minority),
                modelRows == ModelRows.STOPS ? "minute" : "rounded_minute", spline.df(), fe,
                modelRows == ModelRows.STOPS ? "" : ", " + rows + " cells"));
        s.append(String.format(Locale.ROOT, "  dark coef %.4f  se %.4f  z %.3f  p %s%n",
                coefficient, standardError, z, pValue < 1e-4 ? String.format(Locale.ROOT, "%.2e", pValue)
                        : String.format(Locale.ROOT, "%.4f", pValue)));
        s.append(String.format(Locale.ROOT, "  odds ratio %.4f  %s%% CI [%.4f, %.4f]%n", oddsRatio.estimate(),
                trim(oddsRatio.interval().level() * 100), oddsRatio.interval().lower(), oddsRatio.interval().upper()));
        s.append(String.format(Locale.ROOT, "  deviance %.2f on %d df (null %.2f), AIC %.2f, %d IRLS iterations%n",
                deviance, dfResidual, nullDeviance, aic, iterations));
        s.append(String.format(Locale.ROOT, "  stops used %d (dark %d, light %d, group %d); excluded %d",
                used, dark, light, minorityStops, excludedTotal));
        StringBuilder why = new StringBuilder();
        excluded.forEach((k, v) -> {
            if (v > 0) {
                why.append(why.length() == 0 ? " (" : ", ").append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(v);
            }
        });
        if (why.length() > 0) {
            s.append(why).append(')');
        }
        return s.toString();
    }

    private static String codes(Set<Category> races) {
        return races.stream().map(Category::code).reduce((a, b) -> a + "|" + b).orElse("");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
