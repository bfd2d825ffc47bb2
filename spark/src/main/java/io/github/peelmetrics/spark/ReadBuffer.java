package io.github.peelmetrics.spark;

import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.internal.RowReads;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * What the buffers of {@link SparkStops} and {@link SparkSurvey} share: the live read of one
 * partition on its executor, the merged read account, and the length-prefixed byte sections they
 * are written as.
 *
 * @param <R> the record type read
 */
abstract class ReadBuffer<R> {
    // live, on the executor that reads the partition
    transient RowReads.Converter<R> converter;
    transient String[] cells;
    transient int partition;
    transient Consumer<R> add;

    // merged state
    String source = "";
    ReadAccount account;

    /** The read so far: the merged partitions and this partition's live read. */
    final ReadAccount accountSnapshot() {
        ReadAccount a = new ReadAccount(source);
        if (account != null) {
            a.merge(account);
        }
        if (converter != null) {
            a.merge(ReadAccount.of(source, partition, converter.summary(), converter.rejections()));
        }
        return a;
    }

    /**
     * Reads one row into the buffer. The partition's read opens at its first row, with the row's
     * column names as the header and {@code sink} (asked once) as where its records go.
     */
    final void read(Row row, String source, Supplier<RecordReader<R>> reader, Supplier<Consumer<R>> sink) {
        if (converter == null) {
            this.source = source;
            TaskContext task = TaskContext.get();
            partition = task == null ? 0 : task.partitionId();
            converter = RowReads.open(reader.get(), Arrays.asList(row.schema().fieldNames()), source);
            add = sink.get();
        }
        cells = Cells.of(row, cells);
        converter.accept(cells, add);
    }

    /** Takes {@code other}'s read into this buffer's account (the live read, if any, goes in too). */
    final void mergeAccount(ReadBuffer<R> other) {
        account = accountSnapshot().merge(other.accountSnapshot());
        converter = null; // its read is in the account now
        add = null;
    }

    static void write(ObjectOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** One section, its length checked before anything is allocated; {@code what} names the buffer. */
    static byte[] read(ObjectInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new IOException("a Peel " + what + " buffer section of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Reads the format number and the read account, as every buffer starts. */
    final void readHeader(ObjectInput in, int format, String what) throws IOException {
        if (in.readInt() != format) {
            throw new IOException("not a Peel " + what + " buffer of format " + format);
        }
        account = ReadAccount.fromByteArray(read(in, what));
        source = account.summary().source();
    }
}
