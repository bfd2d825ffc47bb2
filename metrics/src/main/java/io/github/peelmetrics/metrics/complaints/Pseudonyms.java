package io.github.peelmetrics.metrics.complaints;

import java.nio.charset.StandardCharsets;

/** Keyed pseudonyms: HMAC-SHA256 of the id under the caller's key (RFC 2104), first 16 hex digits. */
final class Pseudonyms {

    /** Shortest key accepted: 128 bits. */
    static final int MIN_KEY_BYTES = 16;

    private final byte[] key;

    Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymization key must have at least " + MIN_KEY_BYTES
                    + " bytes: " + key.length);
        }
        this.key = key.clone();
    }

    String of(String id) {
        return "officer-" + java.util.HexFormat.of().formatHex(mac(id)).substring(0, 16);
    }

    private byte[] mac(String id) {
        try {
            javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
            m.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(id.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
