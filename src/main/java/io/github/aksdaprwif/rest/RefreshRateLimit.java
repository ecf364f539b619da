package io.github.aksdaprwif.rest;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.aksdaprwif.config.SecretsConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;

/**
 * Keeps {@code POST /secret/refresh} from turning into a load test of the vault: at most
 * {@code secrets.refresh.limit} calls per rolling {@code secrets.refresh.window}, counted by SmallRye Fault
 * Tolerance's rate limit, which also says how long a rejected caller should wait.
 */
@ApplicationScoped
public class RefreshRateLimit {

    private final Guard guard;
    private final Duration window;
    private final int limit;

    RefreshRateLimit(SecretsConfig config) {
        this.window = config.refresh().window();
        this.limit = config.refresh().limit();
        this.guard = Guard.create()
                .withRateLimit().limit(limit).window(window.toMillis(), ChronoUnit.MILLIS).type(RateLimitType.ROLLING)
                .done()
                .build();
    }

    /** Runs the action, or throws a 429 problem with Retry-After when the limit is reached. */
    public <T> T call(Supplier<T> action, Class<T> type) {
        try {
            return guard.get(action, type);
        } catch (RateLimitException e) {
            long millis = e.getRetryAfterMillis() > 0 ? e.getRetryAfterMillis() : window.toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            throw new ProblemException(SecretProblems.tooManyRefreshes(describe(), seconds), OptionalLong.of(seconds));
        }
    }

    private String describe() {
        return limit + " per " + window.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
