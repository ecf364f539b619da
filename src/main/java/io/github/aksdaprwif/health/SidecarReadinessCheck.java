package io.github.aksdaprwif.health;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.aksdaprwif.dapr.SidecarProbe;
import io.github.aksdaprwif.dapr.SidecarState;
import io.github.aksdaprwif.secret.SecretCatalog;
import io.github.aksdaprwif.secret.SecretFreshness;
import io.github.aksdaprwif.secret.SecretSnapshot;
import io.github.aksdaprwif.secret.TrackedSecret;

/**
 * Ready while the start-up secret is held, the sidecar answers its health endpoint, and no held value is older than
 * {@code secrets.max-staleness}. Without its sidecar the pod cannot read allow-listed secrets on request, so traffic
 * goes to pods whose sidecar works; a refresh that fails behind a working sidecar (a vault or identity fault shared
 * by every pod) keeps the pod ready until its values grow stale.
 */
@Readiness
@ApplicationScoped
public class SidecarReadinessCheck implements HealthCheck {

    private final SecretCatalog catalog;
    private final SidecarProbe sidecar;
    private final SecretFreshness freshness;

    SidecarReadinessCheck(SecretCatalog catalog, SidecarProbe sidecar, SecretFreshness freshness) {
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.freshness = freshness;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        SecretSnapshot snapshot = catalog.startup().snapshot();
        SidecarState state = sidecar.check();
        List<String> stale = catalog.held().stream().map(TrackedSecret::snapshot)
                .filter(s -> freshness.stale(s, now)).map(SecretSnapshot::name).sorted().toList();
        HealthCheckResponseBuilder response = SecretHealthData.describe(HealthCheckResponse.named("dapr-sidecar")
                .status(snapshot.loaded() && state.up() && stale.isEmpty()), snapshot, now)
                .withData("sidecar", state.label())
                .withData("sidecarDetail", state.detail());
        freshness.maxStaleness().ifPresent(max -> response.withData("maxStalenessSeconds", max.toSeconds()));
        if (!stale.isEmpty()) {
            response.withData("staleSecrets", String.join(",", stale));
        }
        return response.build();
    }
}
