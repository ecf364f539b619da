package io.github.aksdaprwif.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsByTheMultiplierUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 2.0);
        assertEquals(Duration.ofMillis(500), backoff.delay(1));
        assertEquals(Duration.ofMillis(1000), backoff.delay(2));
        assertEquals(Duration.ofMillis(2000), backoff.delay(3));
        assertEquals(Duration.ofSeconds(3), backoff.delay(4));
        assertEquals(Duration.ofSeconds(3), backoff.delay(10_000), "no overflow after days of retries");
    }

    @Test
    void refusesBoundsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN));
    }
}
