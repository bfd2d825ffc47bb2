package io.github.peelmetrics.io;

/** A field that cannot be read; cheap (no stack trace), caught by the read loop. */
final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String value;
    final String reason;

    Reject(String field, String value, String reason) {
        super(reason, null, false, false);
        this.field = field;
        this.value = value == null ? "" : value;
        this.reason = reason;
    }
}
