package io.github.aksdaprwif.dapr;

import java.time.Instant;

/**
 * The last answer of the sidecar's outbound health endpoint.
 *
 * @param up whether daprd answered 204
 * @param detail what it answered, or why it could not be asked
 * @param checkedAt when
 */
public record SidecarState(boolean up, String detail, Instant checkedAt) {

    public static SidecarState unknown() {
        return new SidecarState(false, "not checked yet", null);
    }

    public String label() {
        return up ? "UP" : "DOWN";
    }
}
