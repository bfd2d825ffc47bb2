package io.github.peelmetrics.metrics.officers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA256 of the id's UTF-8 bytes under the caller's key (RFC 2104), as
 * {@code officer-} and the first 16 lower-case hex digits (8 bytes) of the MAC.
 *
 * <p>Not thread-safe (a {@link Mac} is not): {@link EarlyIntervention} makes one per list.
 */
final class Pseudonyms {

    /** Shortest key accepted: 128 bits. */
    static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;

    Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymization key must have at least " + MIN_KEY_BYTES
                    + " bytes: " + key.length);
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.clone(), ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java SE platform provides HmacSHA256 and accepts any non-empty key for it
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    String of(String id) {
        byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[(h[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[h[i] & 0xF];
        }
        return "officer-" + new String(out);
    }
}
