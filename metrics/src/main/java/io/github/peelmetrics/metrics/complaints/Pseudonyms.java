package io.github.peelmetrics.metrics.complaints;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** Keyed pseudonyms: HMAC-SHA256 of the id under the caller's key (RFC 2104), first 16 hex digits. */
final class Pseudonyms {

    /** Shortest key accepted: 128 bits. */
    static final int MIN_KEY_BYTES = 16;

    private final HashFunction hmac;

    Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymization key must have at least " + MIN_KEY_BYTES
                    + " bytes: " + key.length);
        }
        this.hmac = Hashing.hmacSha256(key.clone());
    }

    String of(String id) {
        return "officer-" + hmac.hashString(id, StandardCharsets.UTF_8).toString().substring(0, 16);
    }
}
