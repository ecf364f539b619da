package io.github.aksdaprwif.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.github.aksdaprwif.config.DaprSidecarConfig;
import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.FailureReason;
import io.github.aksdaprwif.dapr.SidecarProbe;
import io.github.aksdaprwif.dapr.SidecarState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the start-up secret in the background: HTTP and health answer at once while this waits for the sidecar and
 * retries with capped backoff. It never gives up and never exits the application: a sidecar that starts late, or a
 * vault permission granted later, is picked up without a restart.
 */
@ApplicationScoped
public class StartupSecretLoader {

    private static final Logger LOG = Logger.getLogger(StartupSecretLoader.class);

    private final SecretCatalog catalog;
    private final SidecarProbe sidecar;
    private final Backoff backoff;
    /** How late an attempt may run before the loop counts as stuck: a probe and a read, each within the timeout. */
    private final Duration grace;
    private volatile Instant nextAttemptDue = Instant.now();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "startup-secret-loader");
        thread.setDaemon(true);
        return thread;
    });

    StartupSecretLoader(SecretCatalog catalog, SidecarProbe sidecar, SecretsConfig config,
            DaprSidecarConfig sidecarConfig) {
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.backoff = Backoff.of(config.retry());
        this.grace = sidecarConfig.callTimeout().multipliedBy(2).plusSeconds(5);
    }

    void start(@Observes StartupEvent event) {
        TrackedSecret secret = catalog.startup();
        LOG.infof("Waiting for the Dapr sidecar at %s to read secret '%s' from store '%s'", sidecar.healthUri(),
                secret.name(), secret.store());
        nextAttemptDue = Instant.now();
        executor.execute(() -> attempt(1));
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Whether the loader is stuck: the start-up secret is not loaded and the attempt that was due has not finished
     * within its time budget (or the loop is gone). Only a restart helps then; a missing sidecar is not a stall.
     */
    public boolean stalled(Instant now) {
        if (catalog.startup().snapshot().loaded()) {
            return false;
        }
        return executor.isShutdown() || now.isAfter(nextAttemptDue.plus(grace));
    }

    private void attempt(int attempt) {
        TrackedSecret secret = catalog.startup();
        try {
            if (secret.snapshot().loaded()) {
                return;
            }
            SidecarState state = sidecar.check();
            if (!state.up()) {
                catalog.fail(secret, new DaprFailure(FailureReason.SIDECAR_UNREACHABLE, null, state.detail()));
            } else if (catalog.read(secret).snapshot().loaded()) {
                return;
            }
        } catch (RuntimeException e) {
            // Never let the loop die: a dead loader would leave the app waiting forever without saying so.
            LOG.errorf("Unexpected failure while reading secret '%s': %s", secret.name(), e.getClass().getName());
        }
        if (!executor.isShutdown()) {
            Duration delay = backoff.delay(attempt);
            nextAttemptDue = Instant.now().plus(delay);
            executor.schedule(() -> attempt(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
