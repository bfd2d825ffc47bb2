/**
 * Records in and results out: streaming CSV and JSON-lines readers driven by mappings and
 * codebooks, writers for records and results, and {@link io.github.peelmetrics.io.ResultJson}.
 * Jackson is used inside and appears in no public signature.
 */
module io.github.peelmetrics.io {
    requires transitive io.github.peelmetrics.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports io.github.peelmetrics.io;
    // Rows split into cells by another engine: for Peel's Spark module only (on the class path there).
    exports io.github.peelmetrics.io.internal to io.github.peelmetrics.spark;
}
