package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.internal.RowReads;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.function.Consumer;

/**
 * The buffer of {@link SparkStops}: one partition's read and tallies while Spark aggregates. Spark
 * moves it between executors as the tallies' own bytes ({@link StopTally#toByteArray()},
 * {@link VeilOfDarknessTally#toByteArray()}, checksummed) and the {@link ReadAccount}'s, a few
 * kilobytes whatever the number of rows; {@link SparkStops} turns the bytes back into tallies with
 * its settings. Only Spark makes and reads it (the public no-argument constructor is for Java
 * serialization); use {@link SparkStops#run} or {@link SparkStops#result(StopBuffer)}.
 */
public final class StopBuffer implements Externalizable {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    // live, on the executor that reads the partition
    transient RowReads.Converter<Stop> converter;
    transient String[] cells;
    transient int partition;
    transient Consumer<Stop> add;

    // merged state: objects, or their bytes until SparkStops resolves them with its settings
    String source = "";
    ReadAccount account;
    StopTally tally;
    VeilOfDarknessTally darkness;
    byte[] tallyBytes;
    byte[] darknessBytes;

    /** For Java serialization only: Spark makes buffers through {@link SparkStops#zero()}. */
    public StopBuffer() {}

    /** The read so far: the merged partitions and this partition's live read. */
    ReadAccount accountSnapshot() {
        ReadAccount a = new ReadAccount(source);
        if (account != null) {
            a.merge(account);
        }
        if (converter != null) {
            a.merge(ReadAccount.of(source, partition, converter.summary(), converter.rejections()));
        }
        return a;
    }

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
        if (in.readInt() != FORMAT) {
            throw new IOException("not a Peel stop buffer of format " + FORMAT);
        }
        account = ReadAccount.fromByteArray(read(in));
        source = account.summary().source();
        tallyBytes = read(in);
        darknessBytes = in.readBoolean() ? read(in) : null;
    }

    private static void write(ObjectOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] read(ObjectInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new IOException("a Peel stop buffer section of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
