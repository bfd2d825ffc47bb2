package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What raking did: the sweeps, whether it converged, the change after each sweep, and how far
 * the final weights are from each margin.
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1.5, 3, 2, 1}).withFactor("race", new String[] {"Black", "White", "White", "Black", "White", "Black"}).withFactor("sex", new String[] {"F", "M", "F", "F", "M", "M"}).withNumeric("approve", new double[] {1, 0, 1, 1, 0, 1})
 * SurveySample[n=6, categorical=[race, sex], numeric=[approve]]
 * jshell> var rake = Rake.to(Margin.of("race", List.of("Black", "White"), new double[] {40, 60}), Margin.of("sex", List.of("F", "M"), new double[] {52, 48}))
 * Rake[race, sex; epsilon 1, maxSweeps 10]
 * jshell> var d = rake.fit(s).rakeDiagnostics().orElseThrow()
 * raked to 2 margins in 2 sweeps, largest margin error 1.2e-02; Kish n_eff 5.2, deff 1.16
 * jshell> d.deltas()
 * [36.563380281690144, 0.8980156712071619]
 * jshell> d.maxRelativeError()
 * {race=0.011951566664073177, sex=0.0}
 * jshell> rake.maxSweeps(1).fit(s).rakeDiagnostics().orElseThrow()
 * raked to 2 margins: not converged after 1 sweep (last change 36.56, tolerance 1), largest margin error 4.6e-02; Kish n_eff 5.2, deff 1.16
 * }</pre>
 *
 * @param marginCount      the number of margins
 * @param sweeps           full passes over all margins performed
 * @param converged        whether the change fell below the tolerance within {@code maxSweeps}
 * @param maxSweeps        the sweep cap (R's {@code maxit})
 * @param epsilon          the tolerance as given (R's {@code control$epsilon})
 * @param epsilonAbsolute  the tolerance on the change of a joint cell's weighted count
 * @param cells            the number of distinct cells of the cross-classification
 * @param deltas           the change {@code max |T_new − T_old|} after each sweep
 * @param maxAbsoluteError per margin variable, {@code max_h |Σ_{i∈h} w_i − N_h|}
 * @param maxRelativeError   per margin variable, {@code max_h |Σ_{i∈h} w_i − N_h| / N_h}
 * @param largestMarginError the largest of {@code maxRelativeError}
 * @param kish               Kish's effective sample size and design effect of the raked weights
 */
public record RakeDiagnostics(int marginCount, int sweeps, boolean converged, int maxSweeps, double epsilon,
        double epsilonAbsolute, int cells, List<Double> deltas, Map<String, Double> maxAbsoluteError,
        Map<String, Double> maxRelativeError, double largestMarginError, Kish kish) {

    /**
     * Copies the collections and checks that the counts agree and that {@code largestMarginError}
     * is the largest relative error.
     *
     * @throws IllegalArgumentException naming the field otherwise
     */
    public RakeDiagnostics {
        Objects.requireNonNull(kish, "RakeDiagnostics kish must not be null");
        deltas = List.copyOf(deltas);
        maxAbsoluteError = Collections.unmodifiableMap(new LinkedHashMap<>(maxAbsoluteError));
        maxRelativeError = Collections.unmodifiableMap(new LinkedHashMap<>(maxRelativeError));
        if (marginCount < 1 || sweeps < 1 || sweeps > maxSweeps || deltas.size() != sweeps) {
            throw new IllegalArgumentException(Format.f(
                    "RakeDiagnostics: need 1 <= sweeps <= maxSweeps, sweeps = deltas.size(), marginCount >= 1: "
                            + "marginCount %d, sweeps %d, maxSweeps %d, %d deltas", marginCount, sweeps, maxSweeps,
                    deltas.size()));
        }
        if (Double.compare(largestMarginError, largest(maxRelativeError)) != 0) {
            throw new IllegalArgumentException(Format.f(
                    "RakeDiagnostics largestMarginError %s is not the largest maxRelativeError %s",
                    largestMarginError, maxRelativeError));
        }
    }

    static RakeDiagnostics of(int marginCount, int sweeps, boolean converged, int maxSweeps, double epsilon,
            double epsilonAbsolute, int cells, List<Double> deltas, Map<String, Double> maxAbsoluteError,
            Map<String, Double> maxRelativeError, Kish kish) {
        return new RakeDiagnostics(marginCount, sweeps, converged, maxSweeps, epsilon, epsilonAbsolute, cells, deltas,
                maxAbsoluteError, maxRelativeError, largest(maxRelativeError), kish);
    }

    private static double largest(Map<String, Double> errors) {
        double r = 0;
        for (double v : errors.values()) {
            r = Math.max(r, v);
        }
        return r;
    }

    /**
     * R's internal {@code iter} counter at the end of {@code rake()}: {@code sweeps − 1} when
     * converged, {@code sweeps} (= {@code maxit}) when not.
     */
    public int rIterationCounter() {
        return converged ? sweeps - 1 : sweeps;
    }

    /**
     * The sweeps (or, when raking did not converge, the last change and the tolerance), the largest
     * margin error and Kish's figures; see the example above.
     */
    @Override
    public String toString() {
        String head = converged
                ? Format.f("raked to %d margin%s in %d sweep%s", marginCount, marginCount == 1 ? "" : "s", sweeps, sweeps == 1 ? "" : "s")
                : Format.f("raked to %d margin%s: not converged after %d sweep%s (last change %s, tolerance %s)",
                        marginCount, marginCount == 1 ? "" : "s", sweeps, sweeps == 1 ? "" : "s", Format.num(deltas.get(deltas.size() - 1)), Format.num(epsilonAbsolute));
        return Format.f("%s, largest margin error %.1e; %s", head, largestMarginError, kish);
    }
}
