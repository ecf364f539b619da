package io.github.aksdaprwif.health;

import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.secret.SecretSnapshot;

/** What health checks say about a secret: never its value, length or fingerprint. */
final class SecretHealthData {

    private SecretHealthData() {
    }

    static HealthCheckResponseBuilder describe(HealthCheckResponseBuilder response, SecretSnapshot snapshot,
            Instant now) {
        response.withData("store", snapshot.store())
                .withData("secret", snapshot.name())
                .withData("status", snapshot.status().json());
        if (snapshot.fetchedAt() != null) {
            response.withData("fetchedAt", snapshot.fetchedAt().toString());
            response.withData("ageSeconds", snapshot.age(now).toSeconds());
        }
        DaprFailure failure = snapshot.lastError();
        if (failure != null) {
            response.withData("lastError", failure.reason().name()
                    + (failure.daprErrorCode() == null ? "" : " " + failure.daprErrorCode()));
            response.withData("hint", failure.reason().hint());
        }
        return response;
    }
}
