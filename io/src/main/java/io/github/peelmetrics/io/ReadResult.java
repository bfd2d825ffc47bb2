package io.github.peelmetrics.io;

import java.util.List;
import java.util.Objects;

/**
 * Everything one read produced, held in memory: the accepted records, every rejection, and the
 * summary. For files too big for memory use {@link RecordReader#open(java.nio.file.Path)}.
 *
 * @param records    accepted records, in file order (unmodifiable)
 * @param rejections rejected rows, in file order (unmodifiable)
 * @param summary    the counts
 * @param <T>        the record type
 */
public record ReadResult<T>(List<T> records, List<Rejection> rejections, ReadSummary summary) {
    /** Copies the lists. */
    public ReadResult {
        records = List.copyOf(Objects.requireNonNull(records, "records of read result must not be null"));
        rejections = List.copyOf(Objects.requireNonNull(rejections, "rejections of read result must not be null"));
        Objects.requireNonNull(summary, "summary of read result must not be null");
    }

    /** The summary line. */
    @Override
    public String toString() {
        return summary.toString();
    }
}
