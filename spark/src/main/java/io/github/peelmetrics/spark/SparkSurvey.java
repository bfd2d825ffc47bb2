package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.io.internal.RowReads;
import io.github.peelmetrics.survey.LikertScale;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * A Spark {@link Aggregator} that reads survey responses from the rows of a {@code Dataset<Row>}
 * with io's {@link Mapping} and sums them, in one pass, into {@link SurveyCells}: per cell of the
 * categorical variables, the sufficient statistics of raking, weighted means and their
 * linearization standard errors. The driver then rakes the cells
 * ({@link SurveyCells#rake(io.github.peelmetrics.survey.Rake)}), whatever the number of
 * respondents.
 *
 * <pre>{@code
 * SparkSurvey.Result r = SparkSurvey.reading("survey", () -> Mapping.generic(RecordType.SURVEY_RESPONSES).items("approve"),
 *         List.of("race", "age_group", "sex"), List.of("approve")).run(rows);
 * RakedCells raked = r.cells().rake(Rake.to(margins).strict());
 * raked.meanBy("approve", "race");
 * }</pre>
 *
 * <p>A numeric derived per respondent, such as a Likert scale's 0-100 score (the trust index),
 * goes into the cells when the aggregator scores it ({@link #scoring}): the score is computed on
 * each executor from the respondent's answers, exactly as {@link LikertScale#scores} computes it,
 * and summed under the scale's name like an item.
 *
 * <p>Rows go through io's per-row conversion and accounting as in {@link SparkStops}. Immutable
 * and serializable.
 */
public final class SparkSurvey extends Aggregator<Row, SurveyBuffer, SurveyBuffer> {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final Recipe<Mapping<SurveyResponse>> mapping;
    private final ErrorMode mode;
    private final List<String> categoricals;
    private final List<String> numerics;
    private final Recipe<List<LikertScale>> scales;

    private transient RecordReader<SurveyResponse> reader;
    private transient List<LikertScale> builtScales;

    private SparkSurvey(String source, Recipe<Mapping<SurveyResponse>> mapping, ErrorMode mode,
            List<String> categoricals, List<String> numerics, Recipe<List<LikertScale>> scales) {
        this.source = source;
        this.mapping = mapping;
        this.mode = mode;
        this.categoricals = List.copyOf(categoricals);
        this.numerics = List.copyOf(numerics);
        this.scales = scales;
    }

    /**
     * Survey responses read with the mapping that {@code mapping} builds, summed into cells of
     * {@code categoricals} with the sums of {@code numerics}, in strict mode.
     *
     * @param source       names the input in the read's summary
     * @param mapping      builds the mapping (of {@link RecordType#SURVEY_RESPONSES}) on each executor
     * @param categoricals the cell variables (rake margins and domains among them)
     * @param numerics     the items whose means are wanted
     * @return the aggregator
     */
    public static SparkSurvey reading(String source, Recipe<Mapping<SurveyResponse>> mapping, List<String> categoricals,
            List<String> numerics) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(mapping, "mapping recipe must not be null");
        SurveyCells.of(categoricals, numerics); // checks the names
        SparkSurvey s = new SparkSurvey(source, mapping, ErrorMode.STRICT, categoricals, numerics, List::of);
        s.reader();
        return s;
    }

    /**
     * A copy that scores every respondent on the scales that {@code scales} builds (on each
     * executor, e.g. {@code () -> List.of(Scales.TRUST)}) before summing them into the cells: each
     * score is summed under its scale's name, which must be one of the numeric variables, so that
     * {@link RakedCells#mean} and {@link RakedCells#meanBy} give the raked mean score (the trust
     * index) as {@link io.github.peelmetrics.survey.ScaleScores#addTo} and
     * {@link io.github.peelmetrics.survey.WeightedSample#mean} give it on one machine. A respondent
     * who answered fewer than the scale's {@code minAnswered} items has no score (missing, as an
     * unanswered item). An answer outside a scale's range, or an answer already named as a scale,
     * fails the run, as {@link LikertScale#scores} fails.
     *
     * @param scales builds the scales (replacing any scored before)
     * @return the copy
     * @throws IllegalArgumentException if a scale's name is not among the numeric variables or repeats, or
     *     a scale's item is not among the items the mapping declares ({@link Mapping#items()}: each
     *     respondent is scored alone, so an input without an item's column, which
     *     {@link LikertScale#scores} refuses, must fail the read)
     */
    public SparkSurvey scoring(Recipe<List<LikertScale>> scales) {
        Objects.requireNonNull(scales, "scales recipe must not be null");
        SparkSurvey s = new SparkSurvey(source, mapping, mode, categoricals, numerics, scales);
        List<LikertScale> built = s.scales();
        List<String> declared = mapping.get().items();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LikertScale scale : built) {
            for (String item : scale.items()) {
                if (!declared.contains(item)) {
                    throw new IllegalArgumentException("item " + item + " of scale " + scale.name() + " is not among the "
                            + "items the mapping declares " + declared + ": declare every scale item (Mapping.items), so that "
                            + "an input without its column fails the read instead of scoring from fewer items");
                }
            }
            if (!numerics.contains(scale.name())) {
                throw new IllegalArgumentException("scale " + scale.name() + " is scored into the cells under its name, "
                        + "which must be one of the numeric variables " + numerics);
            }
            if (!names.add(scale.name())) {
                throw new IllegalArgumentException("two scales are named " + scale.name());
            }
        }
        return s;
    }

    private List<LikertScale> scales() {
        if (builtScales == null) {
            builtScales = List.copyOf(Objects.requireNonNull(scales.get(), "the scales recipe built null"));
        }
        return builtScales;
    }

    /**
     * A copy with another error mode.
     *
     * @param newMode the mode
     * @return the copy
     */
    public SparkSurvey mode(ErrorMode newMode) {
        return new SparkSurvey(source, mapping, Objects.requireNonNull(newMode, "mode must not be null"), categoricals,
                numerics, scales);
    }

    /**
     * The cells and the read's accounting.
     *
     * @param read  the read: counts, rejections, warnings
     * @param cells the survey cells
     */
    public record Result(ReadAccount read, SurveyCells cells) {
        /** Checks the parts. */
        public Result {
            Objects.requireNonNull(read, "read must not be null");
            Objects.requireNonNull(cells, "cells must not be null");
        }
    }

    /**
     * Runs the aggregation (one Spark job, one pass) and returns the merged cells on the driver.
     *
     * @param rows the rows
     * @return the result
     */
    public Result run(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows must not be null");
        SurveyBuffer b = prune(rows).select(toColumn()).first();
        return new Result(b.accountSnapshot(), b.tally);
    }

    private RecordReader<SurveyResponse> reader() {
        if (reader == null) {
            Mapping<SurveyResponse> m = Objects.requireNonNull(mapping.get(), "the mapping recipe built null");
            if (m.type() != RecordType.SURVEY_RESPONSES) {
                throw new IllegalArgumentException("SparkSurvey reads survey responses: the mapping is of " + m.type());
            }
            reader = RecordReader.of(m).mode(mode);
        }
        return reader;
    }

    /**
     * The rows with only the columns the mapping reads (its fields' columns, in the rows' order):
     * Spark's readers then parse and convert nothing else. The records, rejections and warnings
     * are those of all the columns.
     *
     * @param rows the rows
     * @return the rows with the columns read
     */
    public Dataset<Row> prune(Dataset<Row> rows) {
        List<String> keep = RowReads.columnsRead(reader(), Arrays.asList(rows.columns()));
        return rows.select(keep.stream().map(c -> functions.col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new));
    }

    @Override
    public SurveyBuffer zero() {
        SurveyBuffer b = new SurveyBuffer();
        b.source = source;
        b.tally = SurveyCells.of(categoricals, numerics);
        return b;
    }

    @Override
    public SurveyBuffer reduce(SurveyBuffer b, Row row) {
        b.read(row, source, this::reader, () -> {
            List<LikertScale> sc = scales();
            return sc.isEmpty() ? b.tally::add : r -> b.tally.add(Scoring.score(sc, r));
        });
        return b;
    }

    @Override
    public SurveyBuffer merge(SurveyBuffer a, SurveyBuffer b) {
        a.tally.merge(b.tally);
        a.mergeAccount(b);
        return a;
    }

    @Override
    public SurveyBuffer finish(SurveyBuffer b) {
        return b;
    }

    @Override
    public Encoder<SurveyBuffer> bufferEncoder() {
        return Encoders.javaSerialization(SurveyBuffer.class);
    }

    @Override
    public Encoder<SurveyBuffer> outputEncoder() {
        return Encoders.javaSerialization(SurveyBuffer.class);
    }

    @Override
    public String toString() {
        return "SparkSurvey[" + source + ", " + mode + ", cells of " + categoricals + ", numeric " + numerics
                + (scales().isEmpty() ? "" : ", scoring " + scales().stream().map(LikertScale::name).toList()) + "]";
    }
}
