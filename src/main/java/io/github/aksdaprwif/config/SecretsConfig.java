package io.github.aksdaprwif.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What the service reads and how hard it tries. Every key is overridable by environment, e.g.
 * {@code SECRETS_STORE}, {@code SECRETS_STARTUP_SECRET}, {@code SECRETS_ALLOWED}, {@code SECRETS_REVEAL},
 * {@code SECRETS_REFRESH_INTERVAL}, {@code SECRETS_MAX_STALENESS}.
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

    Refresh refresh();

    /**
     * How old a held value may grow, counted from its last successful read, before readiness goes DOWN. A failed
     * refresh keeps serving the last good value; only a value this old takes the pod out of traffic. 0 turns the
     * check off. Ignored while periodic refresh is off, since then nothing renews a value.
     */
    @WithName("max-staleness")
    @WithDefault("15m")
    Duration maxStaleness();

    interface Refresh {
        /** How often every held secret is re-read, so a rotated value is picked up; 0 turns periodic refresh off. */
        @WithDefault("5m")
        Duration interval();

        /** Manual refreshes ({@code POST /secret/refresh}) allowed per {@link #window()}; more are answered 429. */
        @WithDefault("3")
        int limit();

        /** The rolling window of {@link #limit()}. */
        @WithDefault("1m")
        Duration window();
    }

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
