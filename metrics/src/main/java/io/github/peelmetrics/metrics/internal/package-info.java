/**
 * Argument checks shared by the metrics packages. <b>Not API</b>: public only so that the other
 * metrics packages can reach it; it may change or move (to an internal package of core) without
 * notice. Do not use it from outside Peel.
 */
package io.github.peelmetrics.metrics.internal;
