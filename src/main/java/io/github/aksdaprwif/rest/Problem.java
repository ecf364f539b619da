package io.github.aksdaprwif.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail. Extension members name the Dapr error code and what to check, so a caller can act on
 * the answer without the sidecar's log.
 *
 * @param type a URN naming the problem kind, listed in the README
 * @param reason the failure reason, when the problem comes from the sidecar
 * @param daprErrorCode Dapr's own error code, e.g. ERR_SECRET_STORE_NOT_FOUND
 * @param grpcStatus the gRPC status of the sidecar's answer
 * @param hint what to check first
 */
// Only ever handed to Jackson as a Response entity or through ObjectMapper, so Quarkus cannot see it from the
// resource signatures: without this the native executable answers every error with an empty or failed body.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String secret,
        String store, String reason, String daprErrorCode, String grpcStatus, String hint) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:aks-dapr-wif-secrets:problem:";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, null, null, null, null, null, null);
    }
}
