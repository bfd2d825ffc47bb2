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
 *       {@code fromByteArray(byte[], ...)}. The bytes are canonical: tallies with equal counts
 *       give equal bytes, whatever the order of the adds and merges that made them. They carry a
 *       magic number, the kind of tally, a format version, the length of every section and a
 *       CRC32C checksum, and {@code fromByteArray} rejects every truncated, extended or altered
 *       byte string, and every one whose counts contradict each other, with a
 *       {@link TallyFormatException} (every length is checked against the bytes left before
 *       anything is allocated, so forged bytes cannot exhaust the heap);</li>
 *   <li>{@link #count} the records added (merged tallies add their counts);</li>
 *   <li>{@link #result} the immutable result the tally stands for. A tally's JSON is the JSON of
 *       its result.</li>
 * </ul>
 *
 * <p>Every implementation is also offered as a {@link java.util.stream.Collector} by a static
 * {@code collector(...)} factory whose combiner is the merge, so a parallel stream works. One
 * contract test (Peel's {@code TallyContractTest}) checks all of this for every implementation.
 *
 * <p>Tallies are not thread-safe: use one per thread and merge (what the collectors do).
 *
 * @param <T> the record type counted
 * @param <S> the implementing tally type
 * @param <R> the result type
 */
public interface Tally<T, S extends Tally<T, S, R>, R> {

    /**
     * Counts one record.
     *
     * @param record the record
     * @throws NullPointerException if the record is null
     * @throws IllegalArgumentException naming the record and field when the record cannot be counted
     */
    void add(T record);

    /**
     * Adds another tally's counts to this one and returns this tally.
     *
     * @param other a tally of the same kind and configuration
     * @return this tally
     * @throws IllegalArgumentException when the two tallies are not of the same configuration
     */
    S merge(S other);

    /**
     * An independent copy with the same configuration and counts.
     *
     * @return the copy
     */
    S copy();

    /**
     * The tally in its byte format, for another process or machine; see the implementing class.
     *
     * @return the bytes, canonical for the counts
     */
    byte[] toByteArray();

    /**
     * How many records were added (including those of merged tallies).
     *
     * @return the count
     */
    long count();

    /**
     * The immutable result computed from the counts so far.
     *
     * @return the result
     */
    R result();
}
