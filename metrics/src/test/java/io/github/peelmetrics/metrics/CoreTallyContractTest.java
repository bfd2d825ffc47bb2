package io.github.peelmetrics.metrics;

import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.TallyBytes;
import io.github.peelmetrics.testing.TallyContractTest;

/**
 * The shared tally contract for a {@link Tally}: the verbs come from the interface, so a subclass
 * says only how to make an empty tally, read one from bytes and generate records. ({@code testing}
 * cannot see {@code core}, so its contract test asks for each verb; this class answers them once.)
 */
public abstract class CoreTallyContractTest<T, S extends Tally<T, S, R>, R> extends TallyContractTest<T, S, R> {

    @Override
    protected void add(S tally, T record) {
        tally.add(record);
    }

    @Override
    protected S merge(S tally, S other) {
        return tally.merge(other);
    }

    @Override
    protected S copy(S tally) {
        return tally.copy();
    }

    @Override
    protected byte[] toBytes(S tally) {
        return tally.toByteArray();
    }

    @Override
    protected long count(S tally) {
        return tally.count();
    }

    @Override
    protected R result(S tally) {
        return tally.result();
    }

    @Override
    protected Class<? extends RuntimeException> formatException() {
        return TallyFormatException.class;
    }

    @Override
    protected byte[] reseal(byte[] bytes) {
        return TallyBytes.reseal(bytes);
    }
}
