package io.github.aksdaprwif.rest;

import java.util.List;

import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.FailureReason;
import io.github.aksdaprwif.secret.SecretSnapshot;

/** The problems the secret endpoints answer; their types are listed in the README. */
final class SecretProblems {

    private SecretProblems() {
    }

    static Problem badName(String detail) {
        // The name itself stays out of the answer: it may hold control characters or be 10 KB long.
        return Problem.of("invalid-secret-name", "Invalid secret name", 400, detail, null);
    }

    static Problem notAllowed(String name, String instance) {
        return new Problem(Problem.TYPE_PREFIX + "secret-not-allowed", "Secret not allowed", 404,
                "This service reads only the start-up secret and the names in secrets.allowed; '" + name
                        + "' is not one of them, so the sidecar was not asked.",
                instance, name, null, null, null, null,
                "Add the name to secrets.allowed (SECRETS_ALLOWED) and to allowedSecrets of the Dapr Configuration.");
    }

    /** The start-up secret was never loaded: the service is not ready to serve it yet. */
    static Problem notYetLoaded(SecretSnapshot snapshot, String instance) {
        DaprFailure failure = snapshot.lastError();
        String detail = failure == null
                ? "The secret has not been read yet: the service is waiting for the Dapr sidecar."
                : "The secret has not been read yet; the last of " + snapshot.attempts() + " attempts failed: "
                        + failure.message();
        return fromFailure("secret-not-loaded", "Secret not loaded yet", 503, detail, instance, snapshot, failure);
    }

    /** A read on request failed: the status says whose fault it is. */
    static Problem readFailed(SecretSnapshot snapshot, String instance) {
        DaprFailure failure = snapshot.lastError();
        FailureReason reason = failure.reason();
        return fromFailure(reason.slug(), title(reason), reason.httpStatus(), failure.message(), instance, snapshot,
                failure);
    }

    /**
     * Some re-reads of a refresh failed; the last good values are still served. 503 when the sidecar did not answer,
     * else 502: the request was fine, the sidecar or the store was not.
     */
    static Problem refreshFailed(List<SecretSnapshot> failed, int total, String instance) {
        SecretSnapshot first = failed.get(0);
        DaprFailure failure = first.lastError();
        boolean unreachable = failed.stream()
                .anyMatch(s -> s.lastError().reason() == FailureReason.SIDECAR_UNREACHABLE);
        String detail = failed.size() + " of " + total + " held secrets could not be re-read; the last good values "
                + "are still served. First failure, secret '" + first.name() + "': " + failure.message();
        return fromFailure("refresh-failed", "Refresh failed", unreachable ? 503 : 502, detail, instance, first,
                failure);
    }

    static Problem tooManyRefreshes(String limit, long retryAfterSeconds) {
        return Problem.of("too-many-refreshes", "Too many refresh requests", 429,
                "Refreshes on request are limited to " + limit + "; retry in " + retryAfterSeconds + " s. Held "
                        + "secrets are also re-read periodically (secrets.refresh.interval).",
                "/secret/refresh");
    }

    private static Problem fromFailure(String slug, String title, int status, String detail, String instance,
            SecretSnapshot snapshot, DaprFailure failure) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance, snapshot.name(),
                snapshot.store(), failure == null ? null : failure.reason().name(),
                failure == null ? null : failure.daprErrorCode(), failure == null ? null : failure.grpcStatus(),
                failure == null ? FailureReason.SIDECAR_UNREACHABLE.hint() : failure.reason().hint());
    }

    private static String title(FailureReason reason) {
        return switch (reason) {
            case SIDECAR_UNREACHABLE -> "Dapr sidecar unreachable";
            case API_TOKEN_REJECTED -> "Dapr API token rejected";
            case STORES_NOT_CONFIGURED -> "No secret store configured";
            case STORE_NOT_FOUND -> "Secret store not found";
            case PERMISSION_DENIED -> "Secret denied by Dapr secret scope";
            case SECRET_NOT_FOUND -> "Secret not found";
            case STORE_FAILURE -> "Secret store failed";
            case UNEXPECTED -> "Unexpected answer from the Dapr sidecar";
        };
    }
}
