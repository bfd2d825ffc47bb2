package io.github.peelmetrics.io;

/**
 * The read limits that make a hostile input fail fast, in one place: the CSV scanner
 * ({@link CsvRows}, in bytes), the JSON-lines reader ({@link JsonLineRows}, in characters), the
 * number parser ({@link Values}) and the read constraints of the Jackson factories
 * ({@link Jackson}) all take them from here.
 */
final class Limits {
    private Limits() {}

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
    /** Longest JSON key accepted (characters). */
    static final int MAX_NAME_CHARS = 10_000;
    /** Most fields in one row (a CSV row) or keys in one file (JSON lines). */
    static final int MAX_COLUMNS = 10_000;
    /** Most characters of all the distinct keys of one JSON-lines file together. */
    static final int MAX_KEY_CHARS = 1_000_000;
    /** Largest mapping file read (bytes). */
    static final long MAX_MAPPING_BYTES = 1_000_000;
}
