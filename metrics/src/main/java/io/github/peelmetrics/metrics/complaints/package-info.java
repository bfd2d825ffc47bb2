/**
 * Complaint metrics: {@link io.github.peelmetrics.metrics.complaints.ComplaintSummary} (rates per
 * 100 officers and per 1,000 contacts by allegation and finding, the sustained rate with an
 * interval, days to close) and {@link io.github.peelmetrics.metrics.complaints.EarlyIntervention}
 * (officers with unusually many complaints for their exposure: Poisson upper tail with
 * Benjamini-Hochberg adjustment, ids pseudonymized on request by keyed HMAC-SHA256).
 */
package io.github.peelmetrics.metrics.complaints;
