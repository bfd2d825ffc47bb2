/** JMH benchmark and CPU-time probe of reading an Open Policing Project stops CSV (issue 6). */
package io.github.peelmetrics.benchmarks.io;
