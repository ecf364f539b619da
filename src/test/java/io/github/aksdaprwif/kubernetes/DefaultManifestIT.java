package io.github.aksdaprwif.kubernetes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;

/** The manifests that `./mvnw package` wrote for this build, with the documented defaults. */
class DefaultManifestIT extends ManifestContract {

    private static GeneratedManifests manifests;

    @BeforeAll
    static void read() {
        manifests = GeneratedManifests.read(Path.of("target", "kubernetes"));
    }

    @Override
    GeneratedManifests manifests() {
        return manifests;
    }

    @Override
    ManifestExpectations expected() {
        return new ManifestExpectations(
                "aks-dapr-wif-secrets",
                1,
                "docker.io/aks-dapr-wif-secrets:" + System.getProperty("project.version"),
                8080,
                "dapr-wif-k8s-service-account",
                "00000000-0000-0000-0000-000000000000",
                Optional.empty(),
                "your-key-vault",
                "aks-dapr-wif-secrets",
                "aks-dapr-wif-secrets",
                "info",
                "demo-secret-store",
                "dapr",
                List.of());
    }

}
