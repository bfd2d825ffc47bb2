/**
 * Peel on Apache Spark: {@link org.apache.spark.sql.expressions.Aggregator}s that read Peel's
 * records from the rows of a {@code Dataset<Row>} with io's mappings (the same per-row conversion
 * and rejection accounting as the single-machine readers) and fold them, in one distributed pass,
 * into Peel's own mergeable tallies: {@link io.github.peelmetrics.spark.SparkStops} (the stop
 * tally by group and key, the veil of darkness tally) and {@link io.github.peelmetrics.spark.SparkSurvey}
 * (the survey's per-cell sufficient statistics, raked on the driver by
 * {@link io.github.peelmetrics.spark.SurveyCells}). Buffers travel between executors in the
 * tallies' own byte formats. The figures equal those of the single-machine path: bit for bit for
 * counts and tallies, to 1e-12 where the order of a floating-point sum differs.
 *
 * <p>Spark is not a Java module: this module has no {@code module-info} and is used on the class
 * path (as {@code spark-submit} runs it), with the automatic module name
 * {@code io.github.peelmetrics.spark}.
 */
package io.github.peelmetrics.spark;
