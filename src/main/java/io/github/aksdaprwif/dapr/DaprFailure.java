package io.github.aksdaprwif.dapr;

/**
 * A classified failure of a call to the sidecar. {@code message} is the sidecar's own text (it names stores and
 * keys, never values) or, for transport failures, the client's.
 *
 * @param reason what went wrong, with the hint and the HTTP status that go with it
 * @param grpcStatus the gRPC status code the sidecar or the transport reported, e.g. {@code INVALID_ARGUMENT}
 * @param message the sidecar's explanation
 */
public record DaprFailure(FailureReason reason, String grpcStatus, String message) {

    public String daprErrorCode() {
        return reason.daprErrorCode();
    }

    /** A stable identity for "the same failure again", so that retries log it once. */
    public String signature() {
        return reason + "|" + grpcStatus + "|" + message;
    }
}
