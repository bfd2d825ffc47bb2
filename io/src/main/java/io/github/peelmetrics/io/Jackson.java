package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;

/**
 * The module's input limits, and its Jackson factories (JSON lines, mapping files, the CSV and JSON
 * writers; CSV is read by {@link CsvRows}), each with read constraints that make a hostile input
 * fail fast: a field longer than {@value #MAX_FIELD_CHARS} characters, a JSON value nested deeper
 * than {@value #MAX_NESTING}, a number longer than {@value #MAX_NUMBER_CHARS} digits. Nothing here
 * enables default typing or polymorphic handling: input is read as tokens and text, never bound to
 * classes named by the input.
 */
final class Jackson {
    private Jackson() {}

    /** Longest JSON string (characters) or CSV cell (bytes, in {@link CsvRows}) accepted. */
    static final int MAX_FIELD_CHARS = 1_000_000;
    /**
     * Longest JSON-lines line (characters) or CSV row (bytes, in {@link CsvRows}) accepted; longer
     * ones are rejected without being held.
     */
    static final int MAX_LINE_CHARS = 4_000_000;
    /** Deepest JSON nesting accepted (a JSON-lines record is one flat object). */
    static final int MAX_NESTING = 16;
    /** Longest number accepted. */
    static final int MAX_NUMBER_CHARS = 100;
    /** Most fields in one row (a CSV row) or keys in one file (JSON lines). */
    static final int MAX_COLUMNS = 10_000;

    static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxStringLength(MAX_FIELD_CHARS)
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .maxNameLength(10_000)
            .maxDocumentLength(MAX_LINE_CHARS)
            .build();

    static final CsvFactory CSV = CsvFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(MAX_FIELD_CHARS).maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(MAX_NUMBER_CHARS).build()).build();

    static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(READ)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** For small trusted-shape documents (mapping files): a tree, never a bound class. */
    static final ObjectMapper TREE_READER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    static {
        JSON.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }
}
