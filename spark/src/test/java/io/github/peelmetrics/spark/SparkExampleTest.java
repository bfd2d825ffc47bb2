package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkExampleTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    static String noise(String report) {
        return report.replaceAll("largest margin error [0-9.]+e-1[3-6]", "largest margin error (rounding)");
    }

    @Test
    void sparkPrintsWhatTheSingleMachinePathPrints() {
        Path dir = LocalSpark.sample("stops.csv").getParent();
        String single = SparkExample.singleMachine(dir);
        String onSpark = SparkExample.onSpark(spark, dir);
        // the largest margin error after raking is rounding noise (~1e-13) whose last digit depends on
        // the order of the sums; every other printed figure is the same
        assertEquals(noise(single), noise(onSpark));
        assertTrue(onSpark.contains("Disparity vs residential population"), onSpark);
        assertTrue(onSpark.contains("veil of darkness"), onSpark);
        assertTrue(onSpark.contains("raked: raked to 3 margins"), onSpark);
    }
}
