package io.github.peelmetrics.core;

/**
 * The one vocabulary of every Peel accumulator: a one-pass, mergeable summary of records from
 * which a result is computed, in the manner of Guava's {@code StatsAccumulator} and Apache
 * DataSketches' sketches.
 *
 * <ul>
 *   <li>{@link #add} one record;</li>
 *   <li>{@link #merge} another tally of the same kind into this one: associative and
 *       commutative, so the tallies of any split of the records, merged in any order, equal the
 *       tally of all of them;</li>
 *   <li>{@link #copy} an independent tally with the same counts;</li>
 *   <li>{@link #toByteArray} the tally as bytes, read back by the implementing class's static
 *       {@code fromByteArray(byte[])}, which rejects every truncated or altered byte string with a
 *       {@link TallyFormatException} (the bytes carry a checksum, and every length is checked
 *       against the bytes left before anything is allocated);</li>
 *   <li>{@link #count} the records added (merged tallies add their counts);</li>
 *   <li>{@link #result} the immutable result the tally stands for. A tally's JSON is the JSON of
 *       its result.</li>
 * </ul>
 *
 * <p>Every implementation is also offered as a {@link java.util.stream.Collector} by a static
 * {@code collector(...)} factory whose combiner is the merge, so a parallel stream works.
 * Tallies are not thread-safe: use one per thread and merge.
 *
 * @param <T> the record type counted
 * @param <S> the implementing tally type
 * @param <R> the result type
 */
public interface Tally<T, S extends Tally<T, S, R>, R> {

    /**
     * Counts one record.
     *
     * @throws NullPointerException if the record is null
     * @throws IllegalArgumentException naming the record and field when the record cannot be counted
     */
    void add(T record);

    /**
     * Adds another tally's counts to this one and returns this tally.
     *
     * @throws IllegalArgumentException when the two tallies are not of the same configuration
     */
    S merge(S other);

    /** An independent copy with the same configuration and counts. */
    S copy();

    /** The tally in its byte format, for another process or machine; see the implementing class. */
    byte[] toByteArray();

    /** How many records were added (including those of merged tallies). */
    long count();

    /** The immutable result computed from the counts so far. */
    R result();
}
