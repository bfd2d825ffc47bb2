package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.SurveyResponse;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The buffer of {@link SparkSurvey}: one partition's read and {@link SurveyCells} while Spark
 * aggregates, moved between executors as the cells' own bytes ({@link SurveyCells#toByteArray()})
 * and the {@link ReadAccount}'s. Only Spark makes and reads it (the public no-argument constructor
 * is for Java serialization); use {@link SparkSurvey#run}.
 */
public final class SurveyBuffer extends ReadBuffer<SurveyResponse> implements Externalizable {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    SurveyCells tally;

    /** For Java serialization only: Spark makes buffers through {@link SparkSurvey#zero()}. */
    public SurveyBuffer() {}

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeInt(FORMAT);
        write(out, accountSnapshot().toByteArray());
        write(out, tally.toByteArray());
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        readHeader(in, FORMAT, "survey");
        tally = SurveyCells.fromByteArray(read(in, "survey"));
    }
}
