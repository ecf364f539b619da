package io.github.aksdaprwif.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Exchanges the projected token for an access token, as the sidecar does, at most once per
 * {@code identity.live.interval}; every answer in between is the cached result. Exchanges run on one thread of
 * their own, so a slow token endpoint holds neither HTTP workers nor health probes.
 */
@ApplicationScoped
public class LiveTokenCheck {

    private static final Logger LOG = Logger.getLogger(LiveTokenCheck.class);

    private final IdentityConfig.Live config;
    private final TokenCredentialFactory credentials;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "workload-identity-live-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private LiveResult last;
    private Instant lastStart;
    private CompletableFuture<LiveResult> inFlight;

    LiveTokenCheck(IdentityConfig config, TokenCredentialFactory credentials) {
        this.config = config.live();
        this.credentials = credentials;
    }

    /**
     * What to exchange, and the facts the failure hints name.
     *
     * @param skipReason why no exchange can succeed (e.g. no readable token file); null when one may be tried
     */
    public record Request(WorkloadEnvironment env, ExchangeFailure.Context context, String skipReason) {
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Duration timeout() {
        return config.timeout();
    }

    /** The latest result at once; starts an exchange when one is due, without waiting for it. */
    public LiveResult latest(Request request) {
        if (!config.enabled()) {
            return LiveResult.disabled();
        }
        if (request.skipReason() != null) {
            return LiveResult.skipped(config.scope(), request.skipReason());
        }
        synchronized (lock) {
            startIfDue(request);
            return last != null ? last : LiveResult.pending(config.scope());
        }
    }

    /** Like {@link #latest}, but waits (bounded by the timeout) for an exchange under way. */
    public LiveResult await(Request request) {
        if (!config.enabled() || request.skipReason() != null) {
            return latest(request);
        }
        CompletableFuture<LiveResult> running;
        synchronized (lock) {
            startIfDue(request);
            running = inFlight;
            if (running == null) {
                return last;
            }
        }
        try {
            // Instance discovery and the token request: two calls, each bounded by the timeout.
            return running.get(config.timeout().multipliedBy(2).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return latest(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return latest(request);
        }
    }

    private void startIfDue(Request request) {
        Instant now = clock.instant();
        if (inFlight != null || lastStart != null && now.isBefore(lastStart.plus(config.interval()))) {
            return;
        }
        CompletableFuture<LiveResult> exchange;
        try {
            exchange = CompletableFuture.supplyAsync(() -> exchange(request, now), executor);
        } catch (RejectedExecutionException shuttingDown) {
            return;
        }
        lastStart = now;
        inFlight = exchange;
        exchange.whenComplete((result, error) -> {
            synchronized (lock) {
                LiveResult previous = last;
                last = result != null ? result
                        : new LiveResult(LiveResult.State.FAILED, config.scope(), null, now, null, null,
                                ExchangeFailure.classify(error, request.context()), now.plus(config.interval()));
                inFlight = null;
                logChange(previous, result);
            }
        });
    }

    private LiveResult exchange(Request request, Instant started) {
        long t0 = System.nanoTime();
        String scope = config.scope();
        Instant next = started.plus(config.interval());
        try {
            AccessToken token = credentials.create(request.env())
                    .getTokenSync(new TokenRequestContext().addScopes(scope));
            return new LiveResult(LiveResult.State.SUCCEEDED, scope, null, started, elapsed(t0),
                    token.getExpiresAt() == null ? null : token.getExpiresAt().toInstant(), null, next);
        } catch (RuntimeException | LinkageError e) {
            ExchangeFailure failure = ExchangeFailure.classify(e, request.context());
            return new LiveResult(LiveResult.State.FAILED, scope, null, started, elapsed(t0), null, failure, next);
        }
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    /** One line per change of outcome, not one per interval; never the access token. */
    private static void logChange(LiveResult previous, LiveResult now) {
        if (now == null) {
            return;
        }
        String before = previous == null ? null : signature(previous);
        if (signature(now).equals(before)) {
            return;
        }
        if (now.state() == LiveResult.State.SUCCEEDED) {
            LOG.infof("Workload identity token exchange for %s succeeded", now.scope());
        } else if (now.failure() != null) {
            LOG.warnf("Workload identity token exchange for %s failed (%s): %s. %s", now.scope(), now.failure().kind(),
                    now.failure().message(), now.failure().hint());
        }
    }

    private static String signature(LiveResult result) {
        return result.state() + (result.failure() == null ? ""
                : " " + result.failure().kind() + " " + result.failure().aadsts());
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
