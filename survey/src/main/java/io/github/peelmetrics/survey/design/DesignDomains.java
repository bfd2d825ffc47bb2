package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Domain means of one variable by the levels of a factor with their design covariance matrix, as R
 * {@code survey}'s {@code svyby(~y, ~by, design, svymean, covmat = TRUE)}; see
 * {@link SurveyDesign#meanBy(String, String)}. Domains that share PSUs have non-zero covariances,
 * which a difference of two groups needs ({@link #contrast(String, String)}).
 *
 * @param variable         the estimated variable
 * @param domain           the domain (categorical) variable
 * @param estimates        the mean of every level with an observed value, in level order
 * @param covariance       their covariance matrix, in the same order
 * @param emptyLevels      the levels with no observed value, in level order
 * @param degreesOfFreedom R's {@code degf} over the rows with an observed value and level
 */
public record DesignDomains(String variable, String domain, List<DesignEstimate> estimates,
        List<List<Double>> covariance, List<String> emptyLevels, int degreesOfFreedom) {

    /** Validates and copies. */
    public DesignDomains {
        Checks.name("DesignDomains variable", variable);
        Checks.name("DesignDomains domain", domain);
        estimates = List.copyOf(estimates);
        List<List<Double>> cov = new ArrayList<>();
        for (List<Double> row : covariance) {
            if (row.size() != estimates.size()) {
                throw new IllegalArgumentException("DesignDomains covariance must be square over the estimates");
            }
            cov.add(List.copyOf(row));
        }
        if (cov.size() != estimates.size()) {
            throw new IllegalArgumentException("DesignDomains covariance must be square over the estimates");
        }
        covariance = List.copyOf(cov);
        emptyLevels = List.copyOf(emptyLevels);
    }

    /** The levels with an estimate, in level order. */
    public List<String> levels() {
        List<String> out = new ArrayList<>();
        for (DesignEstimate e : estimates) {
            out.add(level(e));
        }
        return out;
    }

    private String level(DesignEstimate e) {
        String s = e.subset();
        return s.substring(s.lastIndexOf(domain + "=") + domain.length() + 1);
    }

    /**
     * The mean of one level.
     *
     * @throws IllegalArgumentException if the level has no estimate (the message lists the levels held)
     */
    public DesignEstimate get(String level) {
        return estimates.get(index(level));
    }

    private int index(String level) {
        Objects.requireNonNull(level, "level must not be null");
        int k = levels().indexOf(level);
        if (k < 0) {
            throw Checks.notHeld("DesignDomains of " + variable, "level of " + domain, level, levels());
        }
        return k;
    }

    /** The covariance of two levels' means. */
    public double covariance(String a, String b) {
        return covariance.get(index(a)).get(index(b));
    }

    /** The difference {@code plus − minus} of two levels' means with its standard error. */
    public DesignContrast contrast(String plus, String minus) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put(plus, 1.0);
        c.merge(minus, -1.0, Double::sum);
        DesignContrast r = contrast(c);
        return new DesignContrast(variable, domain, plus + " - " + minus, r.estimate(), r.standardError());
    }

    /**
     * The combination {@code Σ c_level·mean_level} with standard error {@code √(c'Vc)}.
     *
     * @throws IllegalArgumentException if a level has no estimate
     */
    public DesignContrast contrast(Map<String, Double> coefficients) {
        int k = estimates.size();
        double[] c = new double[k];
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            c[index(e.getKey())] += e.getValue();
            parts.add(Format.num(e.getValue()) + "*" + e.getKey());
        }
        double est = 0;
        double v = 0;
        for (int a = 0; a < k; a++) {
            est += c[a] * estimates.get(a).estimate();
            for (int b = 0; b < k; b++) {
                v += c[a] * c[b] * covariance.get(a).get(b);
            }
        }
        return new DesignContrast(variable, domain, String.join(" + ", parts), est, Math.sqrt(v));
    }

    /** An aligned table of the levels with n, estimate and standard error. */
    @Override
    public String toString() {
        int w0 = domain.length();
        for (String l : levels()) {
            w0 = Math.max(w0, l.length());
        }
        String fmt = "  %-" + w0 + "s  %5s  %10s  %10s";
        List<String> lines = new ArrayList<>();
        lines.add(Format.f(fmt, domain, "n", variable.length() > 10 ? variable.substring(0, 10) : variable, "se"));
        for (DesignEstimate e : estimates) {
            lines.add(Format.f(fmt, level(e), Integer.toString(e.n()), Format.num(e.estimate()),
                    Format.num(e.standardError())));
        }
        if (!emptyLevels.isEmpty()) {
            lines.add("  no observed " + variable + ": " + String.join(", ", emptyLevels));
        }
        return String.join("\n", lines);
    }
}
