package io.github.peelmetrics.spark;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that Spark can ship to its executors: a lambda or method reference whose target type
 * is this interface is serializable ({@code Stop::beat}), as long as what it captures is.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {}
