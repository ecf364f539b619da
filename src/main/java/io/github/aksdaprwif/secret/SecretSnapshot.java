package io.github.aksdaprwif.secret;

import java.time.Duration;
import java.time.Instant;

import io.github.aksdaprwif.dapr.DaprFailure;

/**
 * What the service knows of one secret at one moment. Immutable; replaced whole on every read.
 *
 * @param value the last good value, null while never loaded
 * @param fetchedAt when that value was read
 * @param lastError the failure of the last read, null when it succeeded
 * @param lastErrorAt when that failure happened
 * @param attempts reads tried since the last success
 */
public record SecretSnapshot(String store, String name, SecretValue value, Instant fetchedAt, DaprFailure lastError,
        Instant lastErrorAt, int attempts) {

    public static SecretSnapshot initial(String store, String name) {
        return new SecretSnapshot(store, name, null, null, null, null, 0);
    }

    public SecretStatus status() {
        if (value == null) {
            return SecretStatus.WAITING;
        }
        return lastError == null ? SecretStatus.LOADED : SecretStatus.FAILING;
    }

    public boolean loaded() {
        return value != null;
    }

    /** Time since the held value was last read successfully; null while never loaded. */
    public Duration age(Instant now) {
        return fetchedAt == null ? null : Duration.between(fetchedAt, now);
    }

    SecretSnapshot succeeded(SecretValue newValue, Instant at) {
        return new SecretSnapshot(store, name, newValue, at, null, null, 0);
    }

    SecretSnapshot failed(DaprFailure failure, Instant at) {
        return new SecretSnapshot(store, name, value, fetchedAt, failure, at, attempts + 1);
    }
}
