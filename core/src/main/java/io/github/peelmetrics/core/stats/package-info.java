/**
 * Statistical value types shared by Peel's analysis modules, and the inference primitives they
 * use: {@link io.github.peelmetrics.core.stats.Estimate}, {@link io.github.peelmetrics.core.stats.Interval},
 * {@link io.github.peelmetrics.core.stats.TestResult}, {@link io.github.peelmetrics.core.stats.RatioEstimate};
 * distribution functions accurate to about 1e-15 ({@link io.github.peelmetrics.core.stats.Distributions}).
 *
 * <p>All types are immutable and thread-safe; {@code toString} prints a compact one-line report
 * with {@link java.util.Locale#ROOT}.
 */
package io.github.peelmetrics.core.stats;
