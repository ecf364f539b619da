package io.github.aksdaprwif.health;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

import io.github.aksdaprwif.secret.SecretCatalog;
import io.github.aksdaprwif.secret.SecretSnapshot;

/** Started once the start-up secret was loaded; until then the last failure says why not. */
@Startup
@ApplicationScoped
public class StartupSecretCheck implements HealthCheck {

    private final SecretCatalog catalog;

    StartupSecretCheck(SecretCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        SecretSnapshot snapshot = catalog.startup().snapshot();
        HealthCheckResponseBuilder response = SecretHealthData.describe(
                HealthCheckResponse.named("startup-secret").status(snapshot.loaded()), snapshot, Instant.now());
        return response.build();
    }
}
