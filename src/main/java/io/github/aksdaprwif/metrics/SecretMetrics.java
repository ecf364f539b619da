package io.github.aksdaprwif.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.github.aksdaprwif.dapr.DaprCallException;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.secret.SecretSnapshot;
import io.github.aksdaprwif.secret.TrackedSecret;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The secrets' meters. Tags stay bounded: a secret tag only ever names the start-up secret or an allow-listed one
 * (the catalog refuses every other name before it gets here), reasons and Dapr codes are closed sets, and no value,
 * length or fingerprint is ever a tag.
 */
@ApplicationScoped
public class SecretMetrics {

    static final String READS = "secrets.dapr.reads";
    static final String AGE = "secrets.age";
    static final String REFRESHES = "secrets.refreshes";
    static final String ROTATIONS = "secrets.rotations";
    static final String NONE = "none";
    /** Few fixed buckets rather than Micrometer's ~70 of a percentile histogram: enough for p50/p99 in PromQL. */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Set<Meter.Id> registered = ConcurrentHashMap.newKeySet();

    SecretMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Removes this application's meters. The registry can outlive the application (Quarkus tests restart the
     * application in one JVM), and a gauge left behind would read a secret of a stopped application.
     */
    @PreDestroy
    void removeMeters() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    /** Times one Dapr read and counts it by outcome, failure reason and Dapr error code. */
    public String timeRead(String secret, Supplier<String> read) {
        Timer.Sample sample = Timer.start(registry);
        try {
            String value = read.get();
            sample.stop(readTimer(secret, "success", NONE, NONE));
            return value;
        } catch (DaprCallException e) {
            DaprFailure failure = e.failure();
            sample.stop(readTimer(secret, "failure", failure.reason().name(),
                    failure.daprErrorCode() == null ? NONE : failure.daprErrorCode()));
            throw e;
        } catch (RuntimeException e) {
            sample.stop(readTimer(secret, "failure", "UNEXPECTED", NONE));
            throw e;
        }
    }

    /** Publishes the age of a secret's held value; NaN while it was never loaded. */
    public void track(TrackedSecret secret) {
        Gauge gauge = Gauge.builder(AGE, secret, SecretMetrics::ageSeconds)
                .description("Seconds since the held value of the secret was last read successfully")
                .baseUnit("seconds")
                .tag("secret", secret.name())
                .strongReference(true)
                .register(registry);
        registered.add(gauge.getId());
    }

    public void refreshed(String secret, String trigger, boolean succeeded) {
        kept(Counter.builder(REFRESHES)
                .description("Re-reads of held secrets, periodic or on request")
                .tag("secret", secret).tag("trigger", trigger).tag("outcome", succeeded ? "success" : "failure")
                .register(registry)).increment();
    }

    public void rotated(String secret) {
        kept(Counter.builder(ROTATIONS)
                .description("Refreshes that brought a value different from the one held")
                .tag("secret", secret)
                .register(registry)).increment();
    }

    private Timer readTimer(String secret, String outcome, String reason, String daprErrorCode) {
        return kept(Timer.builder(READS)
                .description("Secret reads through the Dapr sidecar, by outcome and Dapr error code")
                .tag("secret", secret).tag("outcome", outcome).tag("reason", reason)
                .tag("dapr.error.code", daprErrorCode)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
    }

    private <M extends Meter> M kept(M meter) {
        registered.add(meter.getId());
        return meter;
    }

    private static double ageSeconds(TrackedSecret secret) {
        SecretSnapshot snapshot = secret.snapshot();
        return snapshot.loaded() ? snapshot.age(Instant.now()).toMillis() / 1000.0 : Double.NaN;
    }
}
