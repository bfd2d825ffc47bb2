package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.core.internal.TallyBytes;
import io.github.peelmetrics.testing.TallyContractTest;
import java.util.List;
import java.util.SplittableRandom;

/** The tally contract for a stop tally by race and beat. */
class StopTallyContractTest extends TallyContractTest<Stop, StopTally, StopTable> {

    @Override
    protected StopTally newTally() {
        return StopTally.byRace(Stop::beat);
    }

    @Override
    protected void add(StopTally tally, Stop record) {
        tally.add(record);
    }

    @Override
    protected StopTally merge(StopTally tally, StopTally other) {
        return tally.merge(other);
    }

    @Override
    protected StopTally copy(StopTally tally) {
        return tally.copy();
    }

    @Override
    protected byte[] toBytes(StopTally tally) {
        return tally.toByteArray();
    }

    @Override
    protected StopTally fromBytes(byte[] bytes) {
        return StopTally.fromByteArray(bytes);
    }

    @Override
    protected long count(StopTally tally) {
        return tally.count();
    }

    @Override
    protected StopTable result(StopTally tally) {
        return tally.result();
    }

    @Override
    protected Stop record(SplittableRandom random) {
        return RandomStops.stop(random, random.nextInt(1_000_000), 1 + random.nextInt(8), 0.3);
    }

    @Override
    protected List<Stop> records(SplittableRandom random, int n) {
        return RandomStops.exactly(random, n, 8);
    }

    @Override
    protected Class<? extends RuntimeException> formatException() {
        return TallyFormatException.class;
    }

    @Override
    protected byte[] reseal(byte[] bytes) {
        return TallyBytes.reseal(bytes);
    }

    /** The same contract for a tally without a key. */
    static final class Unkeyed extends StopTallyContractTest {
        @Override
        protected StopTally newTally() {
            return StopTally.byRace();
        }

        @Override
        protected StopTally fromBytes(byte[] bytes) {
            return StopTally.fromByteArray(bytes, s -> s.subject().race(), Stop::beat);
        }
    }
}
