package io.github.aksdaprwif.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.dapr.DaprCallException;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.FailureReason;

/** The state machine of one secret; the Dapr side is a function here because only timing is under test. */
class TrackedSecretTest {

    private final TrackedSecret secret = new TrackedSecret("store", "name", Clock.systemUTC());

    @Test
    void concurrentFirstReadsMakeOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<TrackedSecret.ReadOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            outcomes.add(pool.submit(() -> secret.read((store, name) -> {
                calls.incrementAndGet();
                await(release);
                return "value";
            })));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<TrackedSecret.ReadOutcome> outcome : outcomes) {
            assertEquals("value", outcome.get(5, TimeUnit.SECONDS).snapshot().value().reveal());
        }
        pool.shutdown();
        assertEquals(1, calls.get());
    }

    @Test
    void aLoadThatStartsJustAfterAnotherCompletedMakesNoSecondCall() {
        AtomicInteger calls = new AtomicInteger();
        secret.load((store, name) -> {
            calls.incrementAndGet();
            return "value";
        });
        // A caller that saw no value a moment ago, and only now gets to load, must find the value held.
        TrackedSecret.ReadOutcome late = secret.load((store, name) -> {
            calls.incrementAndGet();
            return "other";
        });
        assertEquals(1, calls.get());
        assertFalse(late.performed());
        assertEquals("value", late.snapshot().value().reveal());
    }

    @Test
    void aFailureAfterSuccessKeepsTheLastGoodValue() {
        secret.read((s, n) -> "good");
        TrackedSecret.ReadOutcome failed = secret.read((s, n) -> {
            throw new DaprCallException(new DaprFailure(FailureReason.SIDECAR_UNREACHABLE, "UNAVAILABLE", "down"));
        });
        assertEquals(SecretStatus.FAILING, failed.snapshot().status());
        assertEquals("good", failed.snapshot().value().reveal());
        assertTrue(failed.newFailure());
        TrackedSecret.ReadOutcome again = secret.read((s, n) -> {
            throw new DaprCallException(new DaprFailure(FailureReason.SIDECAR_UNREACHABLE, "UNAVAILABLE", "down"));
        });
        assertFalse(again.newFailure(), "the same failure again is not news");
        assertEquals(2, again.snapshot().attempts());
    }

    @Test
    void aChangedValueIsARotation() {
        secret.read((s, n) -> "v1");
        assertFalse(secret.read((s, n) -> "v1").valueChanged());
        assertTrue(secret.read((s, n) -> "v2").valueChanged());
    }

    @Test
    void anUnexpectedErrorInTheReaderNeitherHangsNorLeaks() {
        TrackedSecret.ReadOutcome outcome = secret.read((s, n) -> {
            throw new IllegalStateException("the value Hello Dapr! must not show");
        });
        assertEquals(FailureReason.UNEXPECTED, outcome.snapshot().lastError().reason());
        assertFalse(outcome.snapshot().lastError().message().contains("Hello"));
        assertEquals("v", secret.read((s, n) -> "v").snapshot().value().reveal(), "a later read still runs");
    }

    @Test
    void theValueNeverShowsInToString() {
        secret.read((s, n) -> "Hello Dapr!");
        assertFalse(secret.snapshot().toString().contains("Hello Dapr!"), secret.snapshot().toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
