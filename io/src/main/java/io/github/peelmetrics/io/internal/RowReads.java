package io.github.peelmetrics.io.internal;

import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.Rejection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * For Peel's own modules only (the Spark module): reads rows that another engine has already split
 * into cells, pushed one at a time, with a {@link RecordReader}'s mapping, mode and rejection
 * listener, through the same per-row conversion and the same accounting as the reader's CSV input
 * (read = accepted + rejected; rejections and unknown values kept within the same limits). Not
 * part of Peel's API: it may change in any release.
 */
public final class RowReads {

    /**
     * One read of pushed rows. Not thread-safe.
     *
     * @param <T> the record type
     */
    public interface Converter<T> {
        /**
         * Converts one row: a record to {@code records}, or a rejection counted (thrown as a
         * {@link io.github.peelmetrics.io.ReadException} in strict mode).
         *
         * @param cells   the row's cells in header order, null for a missing cell
         * @param records receives the record, if the row makes one
         */
        void accept(String[] cells, Consumer<? super T> records);

        /**
         * The counts so far.
         *
         * @return the summary
         */
        ReadSummary summary();

        /**
         * The rejections kept so far, in row order.
         *
         * @return the rejections
         */
        List<Rejection> rejections();
    }

    /** What {@code io} installs: the reader's package-private entry point. */
    public interface Opener {
        /**
         * Opens a read of pushed rows.
         *
         * @param <T>    the record type
         * @param reader the reader whose mapping, mode and listener apply
         * @param header the column names
         * @param source names the input in rejections
         * @return the read
         */
        <T> Converter<T> open(RecordReader<T> reader, List<String> header, String source);

        /**
         * The columns of the header that the reader's mapping looks at, in header order.
         *
         * @param reader the reader
         * @param header the column names
         * @return the columns read
         */
        List<String> columnsRead(RecordReader<?> reader, List<String> header);
    }

    private static volatile Opener opener;

    private RowReads() {}

    /**
     * Installs {@code io}'s opener; called once by {@code io} itself.
     *
     * @param value the opener
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Opener value) {
        if (opener != null) {
            throw new IllegalStateException("the row opener is installed already");
        }
        opener = Objects.requireNonNull(value, "opener must not be null");
    }

    /**
     * The columns of {@code header} that the reader's mapping looks at (its binder and the check of
     * absent columns), in header order: a source may drop the other columns before reading and
     * get the same records, rejections and warnings.
     *
     * @param reader the reader
     * @param header the column names
     * @return the columns read
     */
    public static List<String> columnsRead(RecordReader<?> reader, List<String> header) {
        Objects.requireNonNull(reader, "reader must not be null");
        return opener.columnsRead(reader, header);
    }

    /**
     * Opens a read of pushed rows with the reader (see {@link Opener#open}).
     *
     * @param <T>    the record type
     * @param reader the reader whose mapping, mode and listener apply (its class installed the opener)
     * @param header the column names
     * @param source names the input in rejections
     * @return the read
     * @throws io.github.peelmetrics.io.ReadException in strict mode, when a column the mapping named
     *         is missing from the header
     * @throws IllegalArgumentException for beats, whose records span rows
     */
    public static <T> Converter<T> open(RecordReader<T> reader, List<String> header, String source) {
        Objects.requireNonNull(reader, "reader must not be null");
        return opener.open(reader, header, source);
    }
}
