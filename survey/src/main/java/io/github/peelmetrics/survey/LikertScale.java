package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Likert scale: items answered on {@code min..max}, some reverse-coded, scored as a 0-100
 * index when enough items were answered. The answers are Likert points (whole numbers,
 * {@link Answers#WHOLE_POINTS}, the default) or, for items asked as a score such as a 0-100 rating
 * of trust, any number in the range ({@link Answers#CONTINUOUS}); scores, reverse coding and
 * {@link CronbachAlpha} use the same arithmetic for both.
 *
 * <p>Score of a respondent who answered {@code k >= minAnswered} items: the mean of the answered
 * items, each reverse item recoded as {@code min + max − x}, rescaled as
 * {@code (mean − min)/(max − min)·100} (in that order of operations, as the R call
 * {@code (rowMeans(items, na.rm = TRUE) − 1)/4*100} of the Peel conformance suite). Fewer answers
 * give a missing score.
 *
 * <pre>{@code
 * jshell> Scales.TRUST
 * trust: q1, q2, q3 (reversed), q4, q5 on 1..5, score with >= 3 answered
 * jshell> Scales.TRUST.withItems(List.of("t1", "t2", "t3", "t4", "t5")).withMinAnswered(4)
 * trust: t1, t2, t3 (reversed), t4, t5 on 1..5, score with >= 4 answered
 * jshell> LikertScale.of("respect", List.of("t_listen", "t_respect"), Set.of(), 0, 100, 2).withAnswers(LikertScale.Answers.CONTINUOUS)
 * respect: t_listen, t_respect on 0..100 (continuous answers), score with >= 2 answered
 * }</pre>
 *
 * <p>Predefined scales are in {@link Scales}; every definition is editable with the
 * {@code with...} methods, which return a new scale.
 *
 * @param name        a short name, e.g. {@code trust}
 * @param items       the item (numeric variable) names, in order, at least two
 * @param reversed    the reverse-coded items, a subset of {@code items}
 * @param min         the lowest answer
 * @param max         the highest answer
 * @param minAnswered the fewest answered items that give a score, in {@code [1, items.size()]}
 * @param source      where the scale comes from (a citation), or a note that it is local
 * @param answers     whether answers are whole Likert points or any number in {@code [min, max]}
 */
public record LikertScale(String name, List<String> items, Set<String> reversed, int min, int max, int minAnswered,
        String source, Answers answers) {

    /** What an answer to the scale's items may be. */
    public enum Answers {
        /** Likert points: whole numbers in {@code [min, max]} (a 2.5 on a 1..5 scale is an error). */
        WHOLE_POINTS,
        /**
         * Any number in {@code [min, max]}: an item asked as a score (a 0-100 rating of trust, a
         * feeling thermometer) or an already averaged sub-scale.
         */
        CONTINUOUS
    }

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the scale and the bad value
     */
    public LikertScale {
        Checks.name("scale name", name);
        Objects.requireNonNull(items, "items of scale " + name + " must not be null");
        Objects.requireNonNull(reversed, "reversed items of scale " + name + " must not be null");
        Objects.requireNonNull(source, "source of scale " + name + " must not be null");
        Objects.requireNonNull(answers, "answers of scale " + name + " must not be null");
        List<String> it = List.copyOf(items);
        if (it.size() < 2) {
            throw new IllegalArgumentException("scale " + name + " needs at least two items: " + it);
        }
        if (new LinkedHashSet<>(it).size() != it.size()) {
            throw new IllegalArgumentException("scale " + name + " lists an item twice: " + it);
        }
        for (String r : reversed) {
            if (!it.contains(r)) {
                throw new IllegalArgumentException("reverse item " + r + " of scale " + name + " is not one of its items " + it);
            }
        }
        if (min >= max) {
            throw new IllegalArgumentException(Format.f("scale %s: min %d must be below max %d", name, min, max));
        }
        if (minAnswered < 1 || minAnswered > it.size()) {
            throw new IllegalArgumentException(Format.f("scale %s: minAnswered must be in [1, %d]: %d", name, it.size(), minAnswered));
        }
        items = it;
        List<String> rev = new ArrayList<>();
        for (String i : it) {
            if (reversed.contains(i)) {
                rev.add(i);
            }
        }
        reversed = Collections.unmodifiableSet(new LinkedHashSet<>(rev));
    }

    /** A scale of Likert points ({@link Answers#WHOLE_POINTS}). */
    public LikertScale(String name, List<String> items, Set<String> reversed, int min, int max, int minAnswered,
            String source) {
        this(name, items, reversed, min, max, minAnswered, source, Answers.WHOLE_POINTS);
    }

    /** A scale of Likert points with no source note ("local definition"). */
    public static LikertScale of(String name, List<String> items, Set<String> reversed, int min, int max, int minAnswered) {
        return new LikertScale(name, items, reversed, min, max, minAnswered, "local definition");
    }

    /** A copy with other item names (e.g. the column names of your questionnaire). */
    public LikertScale withItems(List<String> newItems) {
        return new LikertScale(name, newItems, reversedIn(newItems), min, max, Math.min(minAnswered, newItems.size()), source, answers);
    }

    /** A copy with other reverse-coded items. */
    public LikertScale withReversed(Set<String> newReversed) {
        return new LikertScale(name, items, newReversed, min, max, minAnswered, source, answers);
    }

    /** A copy with another answer range. */
    public LikertScale withRange(int newMin, int newMax) {
        return new LikertScale(name, items, reversed, newMin, newMax, minAnswered, source, answers);
    }

    /** A copy with another minimum number of answered items. */
    public LikertScale withMinAnswered(int value) {
        return new LikertScale(name, items, reversed, min, max, value, source, answers);
    }

    /** A copy with another name. */
    public LikertScale withName(String newName) {
        return new LikertScale(newName, items, reversed, min, max, minAnswered, source, answers);
    }

    /** A copy whose answers are whole points or any number in the range. */
    public LikertScale withAnswers(Answers value) {
        return new LikertScale(name, items, reversed, min, max, minAnswered, source, value);
    }

    private Set<String> reversedIn(List<String> newItems) {
        // keep reverse coding by position when items are renamed
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < items.size() && k < newItems.size(); k++) {
            if (reversed.contains(items.get(k))) {
                out.add(newItems.get(k));
            }
        }
        return out;
    }

    /** The answer recoded: {@code min + max − x} for a reverse item, else x. */
    public double recode(String item, double x) {
        return reversed.contains(item) ? (min + max) - x : x;
    }

    /**
     * Scores every respondent of a sample.
     *
     * @throws IllegalArgumentException if an item is not a numeric variable of the sample, or an
     *     answer is not in {@code [min, max]} or, for {@link Answers#WHOLE_POINTS}, not a whole
     *     number (naming the respondent, item and value)
     */
    public ScaleScores scores(SurveySample sample) {
        Objects.requireNonNull(sample, "sample must not be null");
        int n = sample.size();
        int k = items.size();
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = sample.numeric(items.get(j));
            checkAnswers(sample, items.get(j), cols[j]);
        }
        double[] scores = new double[n];
        int[] answered = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int a = 0;
            for (int j = 0; j < k; j++) {
                double x = cols[j][i];
                if (!Double.isNaN(x)) {
                    sum += recode(items.get(j), x);
                    a++;
                }
            }
            answered[i] = a;
            scores[i] = a >= minAnswered ? (sum / a - min) / (max - min) * 100 : Double.NaN;
        }
        return ScaleScores.of(this, scores, answered);
    }

    /**
     * The complete cases of the items, recoded: one row per respondent who answered every item.
     */
    double[][] completeCases(SurveySample sample) {
        int k = items.size();
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = sample.numeric(items.get(j));
            checkAnswers(sample, items.get(j), cols[j]);
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            double[] row = new double[k];
            boolean complete = true;
            for (int j = 0; j < k && complete; j++) {
                double x = cols[j][i];
                complete = !Double.isNaN(x);
                row[j] = recode(items.get(j), x);
            }
            if (complete) {
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }

    private void checkAnswers(SurveySample sample, String item, double[] x) {
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!Double.isNaN(v) && (v < min || v > max || (answers == Answers.WHOLE_POINTS && v != Math.rint(v)))) {
                throw new IllegalArgumentException(Format.f("answer of respondent %s to item %s of scale %s must be %s in [%d, %d]: %s%s",
                        sample.ids().get(i), item, name, answers == Answers.WHOLE_POINTS ? "a whole number" : "a number",
                        min, max, v, answers == Answers.WHOLE_POINTS && v >= min && v <= max
                                ? " (for answers between the points use withAnswers(Answers.CONTINUOUS))" : ""));
            }
        }
    }

    /** The name, the items (reverse items marked), the range and the minimum answered, as in the example above. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (String i : items) {
            parts.add(reversed.contains(i) ? i + " (reversed)" : i);
        }
        return Format.f("%s: %s on %d..%d%s, score with >= %d answered", name, String.join(", ", parts), min, max,
                answers == Answers.CONTINUOUS ? " (continuous answers)" : "", minAnswered);
    }
}
