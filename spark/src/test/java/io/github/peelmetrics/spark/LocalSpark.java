package io.github.peelmetrics.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for all the test classes of the JVM (Spark starts in 10-20 s): two cores,
 * no UI, few shuffle partitions; stopped when the JVM exits.
 */
final class LocalSpark {
    private LocalSpark() {}

    private static SparkSession session;

    static synchronized SparkSession start() {
        if (session == null) {
            session = create();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    private static SparkSession create() {
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
