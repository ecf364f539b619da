package io.github.aksdaprwif.rest;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.secret.SecretSnapshot;
import io.github.aksdaprwif.secret.SecretStatus;
import io.github.aksdaprwif.secret.SecretValue;

/**
 * A secret as the REST API shows it. The value appears only when revealing is on.
 *
 * @param fingerprint the first 12 hex characters of the value's SHA-256
 * @param ageSeconds seconds since the held value was last read successfully
 * @param attempts failed reads since the last success
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretView(String store, String name, SecretStatus status, Instant fetchedAt, Long ageSeconds,
        Integer length, String fingerprint, String value, ErrorView lastError, int attempts) {

    public static SecretView of(SecretSnapshot snapshot, boolean reveal, Instant now) {
        SecretValue value = snapshot.value();
        Duration age = snapshot.age(now);
        return new SecretView(snapshot.store(), snapshot.name(), snapshot.status(), snapshot.fetchedAt(),
                age == null ? null : age.toSeconds(), value == null ? null : value.length(),
                value == null ? null : value.fingerprint(),
                value != null && reveal ? value.reveal() : null,
                ErrorView.of(snapshot.lastError(), snapshot.lastErrorAt()), snapshot.attempts());
    }

    /** The last failed read: Dapr's code and message, and what to check. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorView(String reason, String daprErrorCode, String grpcStatus, String message, String hint,
            Instant at) {

        static ErrorView of(DaprFailure failure, Instant at) {
            return failure == null ? null
                    : new ErrorView(failure.reason().name(), failure.daprErrorCode(), failure.grpcStatus(),
                            failure.message(), failure.reason().hint(), at);
        }
    }
}
