/**
 * Statistical value types shared by Peel's analysis modules, and the inference primitives they
 * use.
 *
 * <ul>
 *   <li>results, each a record whose components hold every figure it prints:
 *       {@link io.github.peelmetrics.core.stats.Estimate} (whose point estimate is
 *       {@code estimate()}, as in every Peel result), {@link io.github.peelmetrics.core.stats.Interval},
 *       {@link io.github.peelmetrics.core.stats.TestResult},
 *       {@link io.github.peelmetrics.core.stats.RatioEstimate},
 *       {@link io.github.peelmetrics.core.stats.DifferenceEstimate} and the
 *       {@link io.github.peelmetrics.core.stats.TwoByTwo} table;</li>
 *   <li>methods as enums whose constants define themselves:
 *       {@link io.github.peelmetrics.core.stats.ProportionMethod} (for
 *       {@link io.github.peelmetrics.core.stats.Proportions}),
 *       {@link io.github.peelmetrics.core.stats.IndependenceTest} (for {@code TwoByTwo.test}),
 *       {@link io.github.peelmetrics.core.stats.Adjustment} (multiple comparisons);</li>
 *   <li>distribution functions accurate to about 1e-15
 *       ({@link io.github.peelmetrics.core.stats.Distributions}).</li>
 * </ul>
 *
 * <p>A confidence level is a {@code double} in (0, 1) and always the last parameter; a method
 * without one uses {@link io.github.peelmetrics.core.stats.Interval#DEFAULT_LEVEL} (0.95).
 *
 * <p>All types are immutable and thread-safe; {@code toString} prints a compact one-line report
 * with {@link java.util.Locale#ROOT}.
 */
package io.github.peelmetrics.core.stats;
