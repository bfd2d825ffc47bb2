/** JMH benchmarks of the stop tally and disparity tables (issue 4): stops per second, one core and parallel. */
package io.github.peelmetrics.benchmarks.disparity;
