/**
 * Complaint metrics: {@link io.github.peelmetrics.metrics.complaints.ComplaintSummary} (allegations
 * and complaints per 100 officers, per 1,000 contacts and per officer-year of service, by allegation
 * type and finding; sustained rates per allegation and per complaint with intervals; days to close).
 * Officers compared with their peers (the early intervention list, funnel plots, CPDP percentiles) are
 * in {@link io.github.peelmetrics.metrics.officers}.
 */
package io.github.peelmetrics.metrics.complaints;
