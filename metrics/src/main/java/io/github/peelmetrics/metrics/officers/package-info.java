/** Officer comparison: peer-standardized ratios, funnel limits with over-dispersion, and allegation percentiles. */
package io.github.peelmetrics.metrics.officers;
