package io.github.aksdaprwif.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.aksdaprwif.config.SecretsConfig;

/**
 * Whether a held value is too old to be trusted. Only enforced while periodic refresh runs: without it nothing
 * renews a value, so its age says nothing about the sidecar.
 */
@ApplicationScoped
public class SecretFreshness {

    private final Optional<Duration> maxStaleness;

    SecretFreshness(SecretsConfig config) {
        boolean enforced = !config.refresh().interval().isZero() && !config.maxStaleness().isZero();
        this.maxStaleness = enforced ? Optional.of(config.maxStaleness()) : Optional.empty();
    }

    /** The age above which a value is stale; empty when staleness is not checked. */
    public Optional<Duration> maxStaleness() {
        return maxStaleness;
    }

    public boolean stale(SecretSnapshot snapshot, Instant now) {
        return snapshot.loaded() && maxStaleness.map(max -> snapshot.age(now).compareTo(max) > 0).orElse(false);
    }
}
