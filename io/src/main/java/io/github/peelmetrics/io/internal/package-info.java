/** Entry points for Peel's own modules only (not API): reading rows split into cells by another engine. */
package io.github.peelmetrics.io.internal;
