package io.github.peelmetrics.survey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What raking did: the sweeps, whether it converged, the change after each sweep, and how far
 * the final weights are from each margin.
 *
 * @param margins          the number of margins
 * @param sweeps           full passes over all margins performed
 * @param converged        whether the change fell below the tolerance within {@code maxSweeps}
 * @param maxSweeps        the sweep cap (R's {@code maxit})
 * @param epsilon          the tolerance as given (R's {@code control$epsilon})
 * @param epsilonAbsolute  the tolerance on the change of a joint cell's weighted count
 * @param cells            the number of distinct cells of the cross-classification
 * @param deltas           the change {@code max |T_new − T_old|} after each sweep
 * @param maxAbsoluteError per margin variable, {@code max_h |Σ_{i∈h} w_i − N_h|}
 * @param maxRelativeError per margin variable, {@code max_h |Σ_{i∈h} w_i − N_h| / N_h}
 * @param kish             Kish's effective sample size and design effect of the raked weights
 */
public record RakeDiagnostics(int margins, int sweeps, boolean converged, int maxSweeps, double epsilon,
        double epsilonAbsolute, int cells, List<Double> deltas, Map<String, Double> maxAbsoluteError,
        Map<String, Double> maxRelativeError, Kish kish) {

    /** Copies the collections. */
    public RakeDiagnostics {
        deltas = List.copyOf(deltas);
        maxAbsoluteError = Collections.unmodifiableMap(new LinkedHashMap<>(maxAbsoluteError));
        maxRelativeError = Collections.unmodifiableMap(new LinkedHashMap<>(maxRelativeError));
    }

    /** The largest relative margin error over all margins. */
    public double largestMarginError() {
        double r = 0;
        for (double v : maxRelativeError.values()) {
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
     * For example {@code raked to 3 margins in 7 sweeps, largest margin error 2.3e-13; Kish n_eff
     * 962.4, deff 1.56}, or {@code raked to 3 margins: not converged after 10 sweeps (last change
     * 21.4, tolerance 1), ...}.
     */
    @Override
    public String toString() {
        String head = converged
                ? Text.f("raked to %d margin%s in %d sweep%s", margins, margins == 1 ? "" : "s", sweeps, sweeps == 1 ? "" : "s")
                : Text.f("raked to %d margin%s: not converged after %d sweep%s (last change %s, tolerance %s)",
                        margins, margins == 1 ? "" : "s", sweeps, sweeps == 1 ? "" : "s", Text.num(deltas.get(deltas.size() - 1)), Text.num(epsilonAbsolute));
        return Text.f("%s, largest margin error %.1e; %s", head, largestMarginError(), kish);
    }
}
