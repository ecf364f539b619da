package io.github.aksdaprwif.secret;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.SecretReader;
import io.github.aksdaprwif.metrics.SecretMetrics;

/**
 * The secrets this service may hold: the start-up secret and the allow-list. Reads go through here so that each is
 * logged the same way, whoever triggers it.
 */
@ApplicationScoped
public class SecretCatalog {

    private final SecretReader reader;
    private final SecretLog log;
    private final SecretMetrics metrics;
    private final String store;
    private final TrackedSecret startup;
    private final Set<String> allowed;
    private final Map<String, TrackedSecret> held = new ConcurrentHashMap<>();
    private final Duration failureHold;
    private final Clock clock = Clock.systemUTC();

    SecretCatalog(SecretsConfig config, SecretReader reader, SecretLog log, SecretMetrics metrics) {
        this.reader = reader;
        this.log = log;
        this.metrics = metrics;
        this.store = config.store();
        this.failureHold = config.retry().initialDelay();
        this.startup = new TrackedSecret(store, config.startupSecret(), clock);
        this.allowed = config.allowed().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        held.put(startup.name(), startup);
        metrics.track(startup);
    }

    public TrackedSecret startup() {
        return startup;
    }

    public boolean isAllowed(String name) {
        return startup.name().equals(name) || allowed.contains(name);
    }

    /** The tracked secret for an allowed name, created on first use; empty for any other name. */
    public Optional<TrackedSecret> find(String name) {
        if (!isAllowed(name)) {
            return Optional.empty();
        }
        return Optional.of(held.computeIfAbsent(name, n -> {
            TrackedSecret secret = new TrackedSecret(store, n, clock);
            metrics.track(secret);
            return secret;
        }));
    }

    public Collection<TrackedSecret> held() {
        return held.values();
    }

    /** Reads the secret through Dapr (or joins the read under way) and logs what changed. */
    public TrackedSecret.ReadOutcome read(TrackedSecret secret) {
        return logged(secret.read(this::timedRead));
    }

    private String timedRead(String store, String name) {
        return metrics.timeRead(name, () -> reader.read(store, name));
    }

    /** Records a failure found before any read (the sidecar's health endpoint does not answer). */
    public TrackedSecret.ReadOutcome fail(TrackedSecret secret, DaprFailure failure) {
        return logged(secret.fail(failure));
    }

    private TrackedSecret.ReadOutcome logged(TrackedSecret.ReadOutcome outcome) {
        if (!outcome.performed()) {
            return outcome;
        }
        SecretSnapshot before = outcome.before();
        SecretSnapshot after = outcome.snapshot();
        if (outcome.newFailure()) {
            log.failed(after);
        } else if (after.lastError() == null) {
            if (before.value() == null && after.name().equals(startup.name())) {
                log.fetchedStartupSecret(after);
            } else if (before.value() == null) {
                log.fetched(after);
            } else if (outcome.valueChanged()) {
                log.rotated(before, after);
                metrics.rotated(after.name());
            } else if (before.lastError() != null) {
                log.recovered(after);
            }
        }
        return outcome;
    }

    /** The held value if there is one, else a read now (one for all callers that ask at the same time). */
    public SecretSnapshot current(TrackedSecret secret) {
        SecretSnapshot snapshot = secret.snapshot();
        if (snapshot.loaded() || recentlyFailed(snapshot)) {
            return snapshot;
        }
        return logged(secret.load(this::timedRead)).snapshot();
    }

    /**
     * A first read that failed moments ago is answered from that failure: a burst of requests for a name the store
     * lacks then costs the sidecar (and the vault behind it) one read per retry delay, not one per request.
     */
    private boolean recentlyFailed(SecretSnapshot snapshot) {
        return snapshot.lastErrorAt() != null
                && snapshot.lastErrorAt().plus(failureHold).isAfter(clock.instant());
    }
}
