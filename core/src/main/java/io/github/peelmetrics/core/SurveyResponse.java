package io.github.peelmetrics.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One respondent's answers to a community survey.
 *
 * <p>Item answers are integers (a Likert point, or 0/1 for a yes/no item such as approval); a
 * missing answer is absent from {@link #answers()}, never coded as a sentinel. Categorical
 * variables beyond the standard demographics (a neighbourhood, a language) go in
 * {@link #attributes()}.
 *
 * @param id           the respondent id
 * @param wave         the survey wave (e.g. {@code "2016"})
 * @param date         the interview date, when recorded
 * @param beat         the respondent's beat, or {@value Stop#UNKNOWN_BEAT}
 * @param demographics race, sex, age group
 * @param attributes   other categorical variables by name (unmodifiable, sorted)
 * @param answers      item answers by item name; missing answers absent (unmodifiable, sorted)
 * @param weight       the design (base) weight, positive and finite
 */
public record SurveyResponse(
        String id,
        String wave,
        Optional<LocalDate> date,
        String beat,
        Demographics demographics,
        Map<String, String> attributes,
        Map<String, Integer> answers,
        double weight) {

    /** Validates the fields and copies the maps. */
    public SurveyResponse {
        Checks.id("respondent", id);
        String r = "respondent " + id;
        Checks.text(r, "wave", wave);
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
        for (Map.Entry<String, Integer> e : answers.entrySet()) {
            Checks.text(r, "item name", e.getKey());
            Checks.notNull(r, "answer to " + e.getKey() + " (leave a missing answer out)", e.getValue());
        }
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        answers = java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
    }

    /** The answer to an item, if given. */
    public Optional<Integer> answer(String item) {
        return Optional.ofNullable(answers.get(item));
    }

    /**
     * The value of a categorical variable by name: {@code race}, {@code sex} and {@code age_group}
     * give the demographic codes, {@code beat} and {@code wave} those fields, any other name the
     * attribute of that name.
     */
    public Optional<String> variable(String name) {
        switch (name) {
            case "race": return Optional.of(demographics.race().code());
            case "sex": return Optional.of(demographics.sex().code());
            case "age_group": return Optional.of(demographics.ageGroup().code());
            case "beat": return Optional.of(beat);
            case "wave": return Optional.of(wave);
            default: return Optional.ofNullable(attributes.get(name));
        }
    }

    /** A builder with the required fields; weight 1, nothing else recorded. */
    public static Builder builder(String id, String wave) {
        return new Builder(id, wave);
    }

    /** Builds a {@link SurveyResponse}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String wave;
        private Optional<LocalDate> date = Optional.empty();
        private String beat = Stop.UNKNOWN_BEAT;
        private Demographics demographics = Demographics.UNKNOWN;
        private final Map<String, String> attributes = new TreeMap<>();
        private final Map<String, Integer> answers = new TreeMap<>();
        private double weight = 1.0;

        private Builder(String id, String wave) {
            this.id = id;
            this.wave = wave;
        }

        /** The interview date. */
        public Builder date(LocalDate value) { this.date = Optional.of(value); return this; }
        /** The beat. */
        public Builder beat(String value) { this.beat = Objects.requireNonNull(value, "beat"); return this; }
        /** The demographics. */
        public Builder demographics(Demographics value) { this.demographics = Objects.requireNonNull(value, "demographics"); return this; }
        /** Another categorical variable. */
        public Builder attribute(String name, String value) { attributes.put(name, Objects.requireNonNull(value, name)); return this; }
        /** An item answer (leave missing answers out). */
        public Builder answer(String item, int value) { answers.put(item, value); return this; }
        /** The design weight. */
        public Builder weight(double value) { this.weight = value; return this; }

        /** The response; fails with a message naming the respondent and field if a value is invalid. */
        public SurveyResponse build() {
            return new SurveyResponse(id, wave, date, beat, demographics, attributes, answers, weight);
        }
    }
}
