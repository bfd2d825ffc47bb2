package io.github.peelmetrics.survey;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Predefined, editable scale definitions and top-box shares.
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 2, 1}).withNumeric("q1", new double[] {5, 3, Double.NaN})
 * SurveySample[n=3, categorical=[], numeric=[q1]]
 * jshell> Arrays.toString(Scales.topBox(s, "q1", 4))
 * [1.0, 0.0, NaN]
 * jshell> Scales.topBoxShare(s.design(), "q1", 4)
 * q1_top4: 0.3333 (se 0.3849, 2 of 3 observed, deff 2)
 * }</pre>
 *
 * <p>The item names of the predefined scales are placeholders: rename them to your
 * questionnaire's columns with {@link LikertScale#withItems(List)} (reverse coding follows the
 * position). Each definition cites its source; the item wording in each constant's Javadoc is a
 * paraphrase of the cited instrument, to tell which question goes where, not a validated
 * translation: check it against your questionnaire.
 */
public final class Scales {
    private Scales() {}

    /**
     * Trust in the police, five items on 1..5 with item 3 reverse-coded, scored when at least 3
     * are answered: the 0-100 trust index of the Peel survey conformance suite (items {@code q1..q5},
     * reverse rule {@code 6 − q3}). Item content is modelled on the trust-in-police items of Sunshine
     * and Tyler (2003), paraphrased: the police can be trusted to make decisions that are right for the community;
     * people's basic rights are well protected by the police; the police are often dishonest
     * (reversed); I have confidence that the police can do their job well; the police care about
     * the well-being of everyone they deal with.
     */
    public static final LikertScale TRUST = new LikertScale("trust", List.of("q1", "q2", "q3", "q4", "q5"),
            Set.of("q3"), 1, 5, 3,
            "Sunshine, J. and Tyler, T. R. (2003). The role of procedural justice and legitimacy in shaping public "
                    + "support for policing. Law & Society Review 37(3), 513-548 (trust items); scoring as the Peel "
                    + "survey conformance suite");

    /**
     * Procedural justice, four items on 1..5, scored when at least 3 are answered. Items: the police
     * treat people with dignity and respect; make fair, impartial decisions; take time to listen to
     * people; explain their decisions to the people they deal with.
     */
    public static final LikertScale PROCEDURAL_JUSTICE = new LikertScale("procedural_justice",
            List.of("pj1", "pj2", "pj3", "pj4"), Set.of(), 1, 5, 3,
            "Sunshine, J. and Tyler, T. R. (2003). Law & Society Review 37(3), 513-548; Tyler, T. R. and Huo, Y. J. "
                    + "(2002). Trust in the Law. Russell Sage Foundation");

    /**
     * Legitimacy as felt obligation to obey, three items on 1..5, scored when at least 2 are
     * answered. Items: you should accept police decisions even if you think they are wrong; you
     * should do what the police tell you even if you disagree; you should support the police even
     * when you do not like how they act.
     */
    public static final LikertScale LEGITIMACY = new LikertScale("legitimacy", List.of("leg1", "leg2", "leg3"),
            Set.of(), 1, 5, 2,
            "Tyler, T. R. (1990). Why People Obey the Law. Yale University Press; Sunshine, J. and Tyler, T. R. (2003). "
                    + "Law & Society Review 37(3), 513-548");

    /** The predefined scales. */
    public static List<LikertScale> predefined() {
        return List.of(TRUST, PROCEDURAL_JUSTICE, LEGITIMACY);
    }

    /**
     * The top-box indicator of an item: 1 where the answer is at least {@code minValue}, 0 where
     * it is below, {@code NaN} where it is missing (R's {@code as.numeric(q >= 4)}). Its weighted
     * mean is the top-two-box share of a 1..5 item with {@code minValue = 4}.
     *
     * @throws IllegalArgumentException if the item is not a numeric variable of the sample
     */
    public static double[] topBox(SurveySample sample, String item, double minValue) {
        Objects.requireNonNull(sample, "sample must not be null");
        double[] x = sample.numeric(item);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.isNaN(x[i]) ? Double.NaN : (x[i] >= minValue ? 1 : 0);
        }
        return out;
    }

    /**
     * The weighted top-box share of an item with its design-based standard error, as
     * {@code svymean(~as.numeric(item >= minValue), design, na.rm = TRUE)}.
     */
    public static SurveyMean topBoxShare(WeightedSample weighted, String item, double minValue) {
        String name = item + "_top" + (minValue == Math.rint(minValue) ? Long.toString((long) minValue) : Double.toString(minValue));
        return weighted.withNumeric(name, topBox(weighted.sample(), item, minValue)).mean(name);
    }
}
