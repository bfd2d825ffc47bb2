/**
 * Publication safety: {@link io.github.peelmetrics.metrics.publish.Suppression} hides small counts
 * of a {@link io.github.peelmetrics.metrics.publish.CountTable} (primary suppression) and the
 * further cells needed so that none of them can be narrowed, from everything published with it,
 * to an interval that tells a small count from 0 or from the minimum (complementary suppression),
 * giving a {@link io.github.peelmetrics.metrics.publish.SuppressedTable} (the public view) that
 * carries its {@link io.github.peelmetrics.metrics.publish.Audit}. Public views of the tables Peel
 * prints: {@link io.github.peelmetrics.metrics.publish.PublishedDisparity} (stops, searches, hits
 * and arrests by group and key, suppressed together, rates from published counts only) and
 * {@link io.github.peelmetrics.metrics.publish.PublishedComplaints}; the early intervention list
 * is an internal document with no public view.
 */
package io.github.peelmetrics.metrics.publish;
