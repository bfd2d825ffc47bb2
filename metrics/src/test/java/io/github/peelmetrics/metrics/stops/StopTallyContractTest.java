package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.CoreTallyContractTest;
import java.util.List;
import java.util.SplittableRandom;

/** The tally contract for a stop tally by race and beat. */
class StopTallyContractTest extends CoreTallyContractTest<Stop, StopTally, StopTable> {

    @Override
    protected StopTally newTally() {
        return StopTally.byRace(Stop::beat);
    }

    @Override
    protected StopTally fromBytes(byte[] bytes) {
        return StopTally.fromByteArray(bytes);
    }

    @Override
    protected Stop record(SplittableRandom random) {
        return RandomStops.stop(random, random.nextInt(1_000_000), 1 + random.nextInt(8), 0.3);
    }

    @Override
    protected List<Stop> records(SplittableRandom random, int n) {
        return RandomStops.exactly(random, n, 8);
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
