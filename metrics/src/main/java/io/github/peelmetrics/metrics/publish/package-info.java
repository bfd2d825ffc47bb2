/**
 * Publication safety: {@link io.github.peelmetrics.metrics.publish.Suppression} hides small counts
 * of a {@link io.github.peelmetrics.metrics.publish.CountTable} (primary suppression) and the
 * further cells needed so that none of them can be recovered from the row and column totals
 * (complementary suppression), giving a {@link io.github.peelmetrics.metrics.publish.SuppressedTable}.
 */
package io.github.peelmetrics.metrics.publish;
