package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The terms of interest of a count model under one {@link Inference}.
 *
 * @param inference                how the standard errors were computed
 * @param terms                    the terms, in model order
 * @param degreesOfFreedom         the t distribution's degrees of freedom ({@link Inference#QUASI_POISSON}),
 *                                 empty when the p-values are normal
 */
public record RateRatioTable(Inference inference, List<RateRatioTerm> terms, OptionalInt degreesOfFreedom) {

    /** Validates and copies. */
    public RateRatioTable {
        Objects.requireNonNull(inference, "inference of RateRatioTable must not be null");
        terms = List.copyOf(terms);
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom of RateRatioTable must not be null");
    }

    /** The term named {@code name}; fails listing the terms held. */
    public RateRatioTerm term(String name) {
        for (RateRatioTerm t : terms) {
            if (t.term().equals(name)) {
                return t;
            }
        }
        throw Checks.notHeld("RateRatioTable", "term", name, terms.stream().map(RateRatioTerm::term).toList());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(inference.label());
        degreesOfFreedom.ifPresent(df -> b.append(" (t on ").append(df).append(" df)"));
        b.append('\n').append(Format.f("  %-12s %-11s %-22s %s%n", "term", "rate ratio", "interval", "p"));
        for (RateRatioTerm t : terms) {
            String ci = "[" + Format.cell(t.interval().lower()) + ", " + Format.cell(t.interval().upper()) + "]";
            b.append(Format.f("  %-12s %-11s %-22s %s%n", t.term(), Format.cell(t.rateRatio()), ci,
                    Format.p(t.pValue())));
        }
        return b.toString().stripTrailing();
    }
}
