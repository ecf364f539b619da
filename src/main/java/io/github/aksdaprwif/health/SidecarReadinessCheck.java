package io.github.aksdaprwif.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.github.aksdaprwif.dapr.SidecarProbe;
import io.github.aksdaprwif.dapr.SidecarState;
import io.github.aksdaprwif.secret.SecretCatalog;
import io.github.aksdaprwif.secret.SecretSnapshot;

/**
 * Ready while the start-up secret is held and the sidecar answers: without the sidecar the allow-listed secrets
 * cannot be read, so traffic should go to a pod whose sidecar works.
 */
@Readiness
@ApplicationScoped
public class SidecarReadinessCheck implements HealthCheck {

    private final SecretCatalog catalog;
    private final SidecarProbe sidecar;

    SidecarReadinessCheck(SecretCatalog catalog, SidecarProbe sidecar) {
        this.catalog = catalog;
        this.sidecar = sidecar;
    }

    @Override
    public HealthCheckResponse call() {
        SecretSnapshot snapshot = catalog.startup().snapshot();
        SidecarState state = sidecar.check();
        return SecretHealthData.describe(HealthCheckResponse.named("dapr-sidecar")
                .status(snapshot.loaded() && state.up()), snapshot)
                .withData("sidecar", state.label())
                .withData("sidecarDetail", state.detail())
                .build();
    }
}
