package io.github.peelmetrics.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's CSV reader set up to read what io's CSV reader reads: a header row, every cell a string
 * (no schema inference: io's mapping does the parsing, with its codebooks and checks), RFC 4180
 * quotes (a doubled quote inside a quoted cell), quoted cells over several lines (Spark's
 * {@code multiLine}: a line break inside quotes is part of the cell, never two broken rows), UTF-8,
 * spaces around an unquoted cell stripped and inside a quoted one kept (as io does, so that ids
 * and beats written with spaces round trip). An empty cell is null, which io reads as missing, as
 * it reads an empty CSV cell.
 *
 * <p>With {@code multiLine} Spark reads each file in one task (a file is not split). For large CSV
 * files whose quoted cells hold no line break, {@link SparkStops#runCsvLines} splits them and is
 * faster.
 */
public final class SparkCsv {
    private SparkCsv() {}

    /**
     * Reads CSV files (a path, a folder or a glob, as {@code spark.read().csv} takes).
     *
     * @param spark the session
     * @param paths the files
     * @return the rows, every column a string
     */
    public static Dataset<Row> read(SparkSession spark, String... paths) {
        Objects.requireNonNull(spark, "spark session must not be null");
        return spark.read()
                .option("header", "true")
                .option("inferSchema", "false")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("multiLine", "true")
                .option("encoding", "UTF-8")
                .option("ignoreLeadingWhiteSpace", "true")
                .option("ignoreTrailingWhiteSpace", "true")
                .option("mode", "PERMISSIVE")
                .csv(paths);
    }
}
