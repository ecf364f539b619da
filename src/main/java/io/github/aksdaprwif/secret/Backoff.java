package io.github.aksdaprwif.secret;

import java.time.Duration;

import io.github.aksdaprwif.config.SecretsConfig;

/** Capped exponential backoff: initial, initial x multiplier, ... up to the cap. */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("secrets.retry.initial-delay must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("secrets.retry.max-delay (" + max + ") must not be below "
                    + "secrets.retry.initial-delay (" + initial + ")");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("secrets.retry.multiplier must be at least 1, was " + multiplier);
        }
    }

    public static Backoff of(SecretsConfig.Retry retry) {
        return new Backoff(retry.initialDelay(), retry.maxDelay(), retry.multiplier());
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
