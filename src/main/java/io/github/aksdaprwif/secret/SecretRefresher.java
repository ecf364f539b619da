package io.github.aksdaprwif.secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.dapr.DaprFailure;
import io.github.aksdaprwif.dapr.FailureReason;
import io.github.aksdaprwif.dapr.SidecarProbe;
import io.github.aksdaprwif.dapr.SidecarState;
import io.github.aksdaprwif.metrics.SecretMetrics;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Re-reads every held secret, periodically and on request, so a value rotated in the vault reaches the service
 * without a restart. A failed re-read keeps the last good value (see {@link TrackedSecret}); the catalog logs a
 * changed value as rotated, with fingerprints only.
 */
@ApplicationScoped
public class SecretRefresher {

    private static final Logger LOG = Logger.getLogger(SecretRefresher.class);

    /** What started a refresh; a tag of the refresh counter. */
    public enum Trigger {
        SCHEDULED, MANUAL;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final SecretCatalog catalog;
    private final SidecarProbe sidecar;
    private final SecretMetrics metrics;
    private final SecretsConfig config;

    SecretRefresher(SecretCatalog catalog, SidecarProbe sidecar, SecretMetrics metrics, SecretsConfig config) {
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Schedules the periodic refresh through Quarkus's scheduler, or not at all when the interval is 0: a job that
     * exists but skips would still tick (and the scheduler warns about an interval of 0).
     */
    void schedule(@Observes StartupEvent event, Scheduler scheduler) {
        Duration interval = config.refresh().interval();
        if (interval.isNegative() || config.maxStaleness().isNegative()) {
            throw new IllegalArgumentException("secrets.refresh.interval (" + interval + ") and secrets.max-staleness ("
                    + config.maxStaleness() + ") must not be negative; 0 turns each off");
        }
        if (interval.isZero()) {
            LOG.info("Periodic secret refresh is off (secrets.refresh.interval=0)");
            return;
        }
        // The first run waits one interval: at start the loader reads the start-up secret anyway.
        scheduler.newJob("secret-refresh")
                .setInterval(interval.toString())
                .setDelayed(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> refreshAll(Trigger.SCHEDULED))
                .schedule();
        LOG.infof("Held secrets are re-read every %s; %s", interval, config.maxStaleness().isZero()
                ? "their age is not checked (secrets.max-staleness=0)"
                : "readiness goes DOWN when a value is older than " + config.maxStaleness());
        if (!config.maxStaleness().isZero() && config.maxStaleness().compareTo(interval) <= 0) {
            LOG.warnf("secrets.max-staleness (%s) is not above secrets.refresh.interval (%s): readiness will go DOWN "
                    + "between two refreshes", config.maxStaleness(), interval);
        }
    }

    /**
     * Re-reads every held secret now, one at a time, and says how each read went. Only secrets loaded once count:
     * an allow-listed name whose first read failed is retried when asked for again, so that one request for a name
     * the store lacks cannot make every later refresh fail.
     */
    public List<TrackedSecret.ReadOutcome> refreshAll(Trigger trigger) {
        // One probe for all: a sidecar that does not answer is recorded without waiting on a gRPC timeout per secret.
        SidecarState state = sidecar.check();
        List<TrackedSecret.ReadOutcome> outcomes = new ArrayList<>();
        for (TrackedSecret secret : catalog.held()) {
            if (!secret.snapshot().loaded()) {
                continue;
            }
            TrackedSecret.ReadOutcome outcome = state.up() ? catalog.read(secret)
                    : catalog.fail(secret, new DaprFailure(FailureReason.SIDECAR_UNREACHABLE, null, state.detail()));
            metrics.refreshed(secret.name(), trigger.tag(), outcome.snapshot().lastError() == null);
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
