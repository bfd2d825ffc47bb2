package io.github.peelmetrics.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;

/**
 * The module's Jackson factories (JSON lines, mapping files, the CSV and JSON writers; CSV is read
 * by {@link CsvRows}), each with read constraints from {@link Limits} that make a hostile input
 * fail fast: a field longer than {@value Limits#MAX_FIELD_CHARS} characters, a JSON value nested
 * deeper than {@value Limits#MAX_NESTING}, a number longer than {@value Limits#MAX_NUMBER_CHARS}
 * digits. Nothing here enables default typing or polymorphic handling: input is read as tokens
 * and text, never bound to classes named by the input.
 */
final class Jackson {
    private Jackson() {}

    static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxStringLength(Limits.MAX_FIELD_CHARS)
            .maxNestingDepth(Limits.MAX_NESTING)
            .maxNumberLength(Limits.MAX_NUMBER_CHARS)
            .maxNameLength(Limits.MAX_NAME_CHARS)
            .maxDocumentLength(Limits.MAX_LINE_CHARS)
            .build();

    static final CsvFactory CSV = CsvFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(Limits.MAX_FIELD_CHARS).maxNestingDepth(Limits.MAX_NESTING)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS).build()).build();

    /**
     * JSON lines and the JSON writer. Field names are neither canonicalized nor interned: a
     * JSON-lines file of many distinct long keys would otherwise fill the factory's shared name
     * table, which outlives the read.
     */
    static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(READ)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

    /** For small trusted-shape documents (mapping files): a tree, never a bound class. */
    static final ObjectMapper TREE_READER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    static {
        JSON.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }
}
