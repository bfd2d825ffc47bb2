package io.github.peelmetrics.io;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Splits CSV files into ranges of 50 bytes for the tests of a class ({@code @ExtendWith(SmallRanges.class)}),
 * so that small files are read in many ranges and every kind of range boundary is met; the usual
 * range size is restored after the class.
 */
final class SmallRanges implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        CsvSplit.chunkBytes = 50;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CsvSplit.chunkBytes = CsvSplit.CHUNK_BYTES;
    }
}
