package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.internal.RowReads;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.function.Consumer;

/**
 * The buffer of {@link SparkSurvey}: one partition's read and {@link SurveyCells} while Spark
 * aggregates, moved between executors as the cells' own bytes ({@link SurveyCells#toByteArray()})
 * and the {@link ReadAccount}'s. Only Spark makes and reads it (the public no-argument constructor
 * is for Java serialization); use {@link SparkSurvey#run}.
 */
public final class SurveyBuffer implements Externalizable {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    transient RowReads.Converter<SurveyResponse> converter;
    transient String[] cells;
    transient int partition;
    transient Consumer<SurveyResponse> add;

    String source = "";
    ReadAccount account;
    SurveyCells tally;

    /** For Java serialization only: Spark makes buffers through {@link SparkSurvey#zero()}. */
    public SurveyBuffer() {}

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
        byte[] a = accountSnapshot().toByteArray();
        out.writeInt(a.length);
        out.write(a);
        byte[] t = tally.toByteArray();
        out.writeInt(t.length);
        out.write(t);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not a Peel survey buffer of format " + FORMAT);
        }
        account = ReadAccount.fromByteArray(read(in));
        source = account.summary().source();
        tally = SurveyCells.fromByteArray(read(in));
    }

    private static byte[] read(ObjectInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new IOException("a Peel survey buffer section of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
