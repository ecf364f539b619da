package io.github.aksdaprwif.health;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.github.aksdaprwif.secret.StartupSecretLoader;

/**
 * Alive unless the start-up secret loader is stuck (an attempt overran its time budget). Deliberately independent of the sidecar: a sidecar outage must not make
 * Kubernetes restart this container, which would only lose the secret it still holds.
 */
@Liveness
@ApplicationScoped
public class LoaderLivenessCheck implements HealthCheck {

    private final StartupSecretLoader loader;

    LoaderLivenessCheck(StartupSecretLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("secret-loader").status(!loader.stalled(Instant.now())).build();
    }
}
