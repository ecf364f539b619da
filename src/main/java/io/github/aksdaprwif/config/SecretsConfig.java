package io.github.aksdaprwif.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What the service reads and how hard it tries. Every key is overridable by environment, e.g.
 * {@code SECRETS_STORE}, {@code SECRETS_STARTUP_SECRET}, {@code SECRETS_ALLOWED}, {@code SECRETS_REVEAL}.
 */
@ConfigMapping(prefix = "secrets")
public interface SecretsConfig {

    /** The Dapr secret store component, as named in the how-to. */
    @WithDefault("demo-secret-store")
    String store();

    /** The secret read at start-up; the how-to's Key Vault secret is called {@code dapr}. */
    @WithName("startup-secret")
    @WithDefault("dapr")
    String startupSecret();

    /** Further secrets that {@code GET /secrets/{name}} may read; any other name is answered 404 without a Dapr call. */
    Optional<List<String>> allowed();

    /**
     * Whether secret values may appear in logs and responses. On in the dev and test profiles so the how-to's
     * {@code Fetched Secret: <value>} line shows; off in prod, where only length and fingerprint appear.
     */
    @WithDefault("false")
    boolean reveal();

    Retry retry();

    interface Retry {
        /** Wait before the first retry. */
        @WithDefault("500ms")
        Duration initialDelay();

        /** Cap of the exponential backoff, so a recovered sidecar is noticed soon. */
        @WithDefault("30s")
        Duration maxDelay();

        @WithDefault("2.0")
        double multiplier();
    }
}
