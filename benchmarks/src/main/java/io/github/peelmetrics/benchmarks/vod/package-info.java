/** JMH benchmarks of the veil of darkness test (package {@code io.github.peelmetrics.metrics.vod}). */
package io.github.peelmetrics.benchmarks.vod;
