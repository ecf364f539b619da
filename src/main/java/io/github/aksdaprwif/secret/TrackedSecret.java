package io.github.aksdaprwif.secret;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.github.aksdaprwif.dapr.DaprCallException;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.FailureReason;

/**
 * One secret's state and its reads. Concurrent callers share one read in flight, so a burst of first requests
 * makes a single Dapr call.
 */
public final class TrackedSecret {

    private final AtomicReference<SecretSnapshot> snapshot;
    private final AtomicReference<CompletableFuture<SecretSnapshot>> inFlight = new AtomicReference<>();
    private final Clock clock;

    TrackedSecret(String store, String name, Clock clock) {
        this.snapshot = new AtomicReference<>(SecretSnapshot.initial(store, name));
        this.clock = clock;
    }

    public SecretSnapshot snapshot() {
        return snapshot.get();
    }

    public String name() {
        return snapshot.get().name();
    }

    public String store() {
        return snapshot.get().store();
    }

    /**
     * Reads the secret now, or joins the read already under way.
     *
     * @param reader reads (store, name) and returns the value or throws {@link DaprCallException}
     * @return the snapshot after the read, whether it succeeded or not
     */
    public ReadOutcome read(BiFunction<String, String, String> reader) {
        return read(reader, false);
    }

    /**
     * Reads the secret only while no value is held, or joins the read under way. The check happens once this caller
     * owns the read, so a caller that saw no value just before another caller's read completed makes no second call.
     */
    public ReadOutcome load(BiFunction<String, String, String> reader) {
        return read(reader, true);
    }

    private ReadOutcome read(BiFunction<String, String, String> reader, boolean onlyIfMissing) {
        CompletableFuture<SecretSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<SecretSnapshot> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return new ReadOutcome(running.join(), false, null);
        }
        SecretSnapshot before = snapshot.get();
        if (onlyIfMissing && before.loaded()) {
            inFlight.set(null);
            mine.complete(before);
            return new ReadOutcome(before, false, null);
        }
        SecretSnapshot after = before;
        try {
            after = attempt(reader, before);
        } finally {
            inFlight.set(null);
            mine.complete(after);
        }
        return new ReadOutcome(after, true, before);
    }

    /** Records a failure found without a read, e.g. a sidecar that does not answer its health endpoint. */
    public ReadOutcome fail(DaprFailure failure) {
        SecretSnapshot before = snapshot.get();
        SecretSnapshot after = snapshot.updateAndGet(s -> s.failed(failure, clock.instant()));
        return new ReadOutcome(after, true, before);
    }

    private SecretSnapshot attempt(BiFunction<String, String, String> reader, SecretSnapshot before) {
        DaprFailure failure;
        try {
            String text = reader.apply(before.store(), before.name());
            SecretValue value = new SecretValue(text);
            return snapshot.updateAndGet(s -> s.succeeded(value, clock.instant()));
        } catch (DaprCallException e) {
            failure = e.failure();
        } catch (RuntimeException e) {
            failure = new DaprFailure(FailureReason.UNEXPECTED, null, e.getClass().getSimpleName());
        }
        DaprFailure recorded = failure;
        return snapshot.updateAndGet(s -> s.failed(recorded, clock.instant()));
    }

    /**
     * @param snapshot the state after the read
     * @param performed whether this caller made the Dapr call (false: it joined another caller's)
     * @param before the state before the read, when this caller made it
     */
    public record ReadOutcome(SecretSnapshot snapshot, boolean performed, SecretSnapshot before) {

        /** True when this read failed differently from the read before it, so the failure deserves a log line. */
        public boolean newFailure() {
            DaprFailure now = snapshot.lastError();
            if (!performed || now == null) {
                return false;
            }
            DaprFailure previous = before.lastError();
            return previous == null || !previous.signature().equals(now.signature());
        }

        /** True when this read brought a value that differs from the one held before. */
        public boolean valueChanged() {
            return performed && snapshot.lastError() == null && before.value() != null
                    && !before.value().sameAs(snapshot.value());
        }
    }
}
