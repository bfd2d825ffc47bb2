package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One respondent's answers to a community survey.
 *
 * <p>Item answers are finite numbers: a Likert point, 0/1 for a yes/no item such as approval, or
 * a score on a continuous scale such as 0-100 ({@code 72.5}). A whole-number answer is the same
 * double whether it was read as {@code 3} or {@code 3.0}, so statistics that need Likert points
 * or 0/1 codes see exactly the values they saw when answers were integers; {@code -0.0} is stored
 * as {@code 0.0}. A missing answer is absent from {@link #answers()}, never coded as a sentinel
 * (NaN and infinities are rejected). Categorical variables beyond the standard demographics (a
 * neighbourhood, a language) go in {@link #attributes()}.
 *
 * <p>The wave is optional: a one-off survey has none. What groups or filters responses by wave
 * ({@link #byWave(Collection)}, a sample with a {@code wave} variable) fails on a response without
 * one, naming it, rather than dropping it or lumping it with others.
 *
 * @param id           the respondent id
 * @param wave         the survey wave (e.g. {@code "2016"}), when recorded
 * @param date         the interview date, when recorded
 * @param beat         the respondent's beat, or {@value Stop#UNKNOWN_BEAT}
 * @param demographics race, sex, age group
 * @param attributes   other categorical variables by name (unmodifiable, sorted)
 * @param answers      item answers by item name; missing answers absent (unmodifiable, sorted)
 * @param weight       the design (base) weight, positive and finite
 */
public record SurveyResponse(
        String id,
        Optional<String> wave,
        Optional<LocalDate> date,
        String beat,
        Demographics demographics,
        Map<String, String> attributes,
        Map<String, Double> answers,
        double weight) {

    /** Validates the fields and copies the maps. */
    public SurveyResponse {
        Checks.id("respondent", id);
        String r = "respondent " + id;
        Checks.notNull(r, "wave", wave);
        wave.ifPresent(w -> Checks.text(r, "wave", w));
        Checks.notNull(r, "date", date);
        Checks.text(r, "beat", beat);
        Checks.notNull(r, "demographics", demographics);
        Checks.notNull(r, "attributes", attributes);
        Checks.notNull(r, "answers", answers);
        Checks.positiveFinite(r, "weight", weight);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            Checks.text(r, "attribute name", e.getKey());
            Checks.notNull(r, "attribute " + e.getKey(), e.getValue());
        }
        TreeMap<String, Double> checked = new TreeMap<>();
        for (Map.Entry<String, Double> e : answers.entrySet()) {
            Checks.text(r, "item name", e.getKey());
            Double v = Checks.notNull(r, "answer to " + e.getKey() + " (leave a missing answer out)", e.getValue());
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "answer of %s to item %s must be finite (leave a missing answer out): %s", r, e.getKey(), v));
            }
            checked.put(e.getKey(), v == 0 && Double.doubleToRawLongBits(v) != 0 ? Double.valueOf(0.0) : v);
        }
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        answers = Collections.unmodifiableMap(checked);
    }

    /** The answer to an item, if given. */
    public Optional<Double> answer(String item) {
        return Optional.ofNullable(answers.get(item));
    }

    /**
     * The value of a categorical variable by name: {@code race}, {@code sex} and {@code age_group}
     * give the demographic codes, {@code beat} and {@code wave} those fields (the wave empty when
     * not recorded), any other name the attribute of that name.
     */
    public Optional<String> variable(String name) {
        switch (name) {
            case "race": return Optional.of(demographics.race().code());
            case "sex": return Optional.of(demographics.sex().code());
            case "age_group": return Optional.of(demographics.ageGroup().code());
            case "beat": return Optional.of(beat);
            case "wave": return wave;
            default: return Optional.ofNullable(attributes.get(name));
        }
    }

    /**
     * The responses grouped by wave, waves in order of first appearance, responses in their order.
     *
     * @throws IllegalArgumentException if a response has no wave (naming it): grouping by wave
     *     cannot place it, and dropping it or lumping it with others would change the figures
     */
    public static Map<String, List<SurveyResponse>> byWave(Collection<? extends SurveyResponse> responses) {
        Objects.requireNonNull(responses, "responses must not be null");
        Map<String, List<SurveyResponse>> out = new LinkedHashMap<>();
        int k = 0;
        for (SurveyResponse r : responses) {
            k++;
            Objects.requireNonNull(r, "response " + k + " must not be null");
            if (r.wave.isEmpty()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "respondent %s (response %d of %d) has no wave: grouping by wave needs the wave of every "
                                + "response (read a wave column, or set the wave of a one-wave file)", r.id, k, responses.size()));
            }
            out.computeIfAbsent(r.wave.get(), x -> new ArrayList<>()).add(r);
        }
        out.replaceAll((w, list) -> Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(out);
    }

    /** A builder with the required id; no wave, weight 1, nothing else recorded. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link SurveyResponse}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private Optional<String> wave = Optional.empty();
        private Optional<LocalDate> date = Optional.empty();
        private String beat = Stop.UNKNOWN_BEAT;
        private Demographics demographics = Demographics.UNKNOWN;
        private final Map<String, String> attributes = new TreeMap<>();
        private final Map<String, Double> answers = new TreeMap<>();
        private double weight = 1.0;

        private Builder(String id) {
            this.id = id;
        }

        /** The survey wave (e.g. {@code "2016"}). */
        public Builder wave(String value) { this.wave = Optional.of(Objects.requireNonNull(value, "wave")); return this; }
        /** The interview date. */
        public Builder date(LocalDate value) { this.date = Optional.of(value); return this; }
        /** The beat. */
        public Builder beat(String value) { this.beat = Objects.requireNonNull(value, "beat"); return this; }
        /** The demographics. */
        public Builder demographics(Demographics value) { this.demographics = Objects.requireNonNull(value, "demographics"); return this; }
        /** Another categorical variable. */
        public Builder attribute(String name, String value) { attributes.put(name, Objects.requireNonNull(value, name)); return this; }
        /** An item answer, finite (leave missing answers out; {@link #build()} rejects NaN and infinities). */
        public Builder answer(String item, double value) { answers.put(item, value); return this; }
        /** The design weight. */
        public Builder weight(double value) { this.weight = value; return this; }

        /** The response; fails with a message naming the respondent and field if a value is invalid. */
        public SurveyResponse build() {
            return new SurveyResponse(id, wave, date, beat, demographics, attributes, answers, weight);
        }
    }
}
