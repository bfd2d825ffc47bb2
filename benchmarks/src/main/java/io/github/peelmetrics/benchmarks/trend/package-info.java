/** JMH benchmarks of the trend and change tests (Mann-Kendall, Sen's slope). */
package io.github.peelmetrics.benchmarks.trend;
