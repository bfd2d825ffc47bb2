package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain means of one variable by the levels of a categorical variable, as R {@code survey}'s
 * {@code svyby(~y, ~domain, design, svymean, na.rm = TRUE)}; see
 * {@link WeightedSample#meanBy(String, String)}. Levels with no respondent are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class DomainMeans {

    private final String variable;
    private final String domain;
    private final Map<String, SurveyMean> byLevel;

    DomainMeans(String variable, String domain, Map<String, SurveyMean> byLevel) {
        this.variable = variable;
        this.domain = domain;
        this.byLevel = Collections.unmodifiableMap(new LinkedHashMap<>(byLevel));
    }

    /** The estimated variable. */
    public String variable() {
        return variable;
    }

    /** The domain variable. */
    public String domain() {
        return domain;
    }

    /** The domain levels with respondents, in level order. */
    public List<String> levels() {
        return List.copyOf(byLevel.keySet());
    }

    /** The mean of one level, empty when the level has no respondent. */
    public Optional<SurveyMean> get(String level) {
        return Optional.ofNullable(byLevel.get(level));
    }

    /** Every level's mean, in level order (unmodifiable). */
    public Map<String, SurveyMean> asMap() {
        return byLevel;
    }

    /** A table of every level with its 95% interval by this method. */
    public DomainTable interval(CiMethod method) {
        return interval(method, SurveyMean.DEFAULT_LEVEL);
    }

    /** A table of every level with its interval by this method at this level. */
    public DomainTable interval(CiMethod method, double level) {
        Objects.requireNonNull(method, "method must not be null");
        List<DomainTable.Row> rows = new ArrayList<>();
        for (Map.Entry<String, SurveyMean> e : byLevel.entrySet()) {
            Interval ci = e.getValue().interval(method, level);
            rows.add(new DomainTable.Row(e.getKey(), e.getValue(), ci));
        }
        return new DomainTable(variable, domain, method, level, rows);
    }

    /** A table of the levels with n, mean and standard error. */
    @Override
    public String toString() {
        return interval(CiMethod.MEAN).toString();
    }
}
