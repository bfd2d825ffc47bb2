package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The buffer of {@link SparkStops}: one partition's read and tallies while Spark aggregates. Spark
 * moves it between executors as the tallies' own bytes ({@link StopTally#toByteArray()},
 * {@link VeilOfDarknessTally#toByteArray()}, checksummed) and the {@link ReadAccount}'s, a few
 * kilobytes whatever the number of rows; {@link SparkStops} turns the bytes back into tallies with
 * its settings. Only Spark makes and reads it (the public no-argument constructor is for Java
 * serialization); use {@link SparkStops#run} or {@link SparkStops#result(StopBuffer)}.
 */
public final class StopBuffer extends ReadBuffer<Stop> implements Externalizable {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    // merged state: objects, or their bytes until SparkStops resolves them with its settings
    StopTally tally;
    VeilOfDarknessTally darkness;
    byte[] tallyBytes;
    byte[] darknessBytes;

    /** For Java serialization only: Spark makes buffers through {@link SparkStops#zero()}. */
    public StopBuffer() {}

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeInt(FORMAT);
        write(out, accountSnapshot().toByteArray());
        write(out, tally != null ? tally.toByteArray() : tallyBytes);
        byte[] d = darkness != null ? darkness.toByteArray() : darknessBytes;
        out.writeBoolean(d != null);
        if (d != null) {
            write(out, d);
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        readHeader(in, FORMAT, "stop");
        tallyBytes = read(in, "stop");
        darknessBytes = in.readBoolean() ? read(in, "stop") : null;
    }
}
