package io.github.aksdaprwif.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A secret's value. Its {@code toString} shows only length and fingerprint, so a value that slips into a log
 * statement, an exception or a debugger view stays hidden; {@link #reveal()} is the one way to the text.
 */
public final class SecretValue {

    /** Hex characters of the SHA-256 shown: enough to tell rotations apart, too few to help guess a value. */
    private static final int FINGERPRINT_LENGTH = 12;

    private final String value;
    private final String fingerprint;

    public SecretValue(String value) {
        this.value = value;
        this.fingerprint = sha256(value).substring(0, FINGERPRINT_LENGTH);
    }

    public String reveal() {
        return value;
    }

    public int length() {
        return value.length();
    }

    /** The first 12 hex characters of the value's SHA-256 (UTF-8). */
    public String fingerprint() {
        return fingerprint;
    }

    public boolean sameAs(SecretValue other) {
        return other != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SecretValue[length=" + length() + ", sha256=" + fingerprint + "]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
