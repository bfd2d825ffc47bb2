package io.github.peelmetrics.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * How to build a setting on each executor: Peel's mappings and tests are immutable values but not
 * serializable, so an aggregator carries the recipe ({@code () -> Mapping.openPolicing(RecordType.STOPS).zone(zone)})
 * and builds the setting once per executor JVM and task. The recipe must build an equal setting
 * every time it runs.
 *
 * @param <T> the setting built
 */
@FunctionalInterface
public interface Recipe<T> extends Supplier<T>, Serializable {}
