package io.github.peelmetrics.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One local Spark session per test class: two cores, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("peel-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                // several partitions even for the small sample files: merges across partitions are tested
                .config("spark.sql.files.maxPartitionBytes", "1m")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** The bundled sample city's folder (the examples module's resources). */
    static Path sample(String file) {
        Path dir = Path.of(System.getProperty("peel.sample.dir",
                "../examples/src/main/resources/io/github/peelmetrics/examples/sample"));
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no sample file " + p.toAbsolutePath());
        }
        return p;
    }

    /** A CSV file as Spark reads it for Peel: header, every cell a string, RFC 4180 quotes. */
    static Dataset<Row> csv(SparkSession spark, Path file) {
        return SparkCsv.read(spark, file.toString());
    }
}
