package io.github.aksdaprwif.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;

/**
 * The same checks for a copy of the project built with every deployment value changed: from the command line, and
 * the client id from the environment (MAVEN_ARGS), as a pipeline would pass it. A value that the template or the
 * Quarkus configuration hard-wires keeps its default here and fails.
 */
class OverriddenManifestIT extends ManifestContract {

    private static final ManifestExpectations EXPECTED = new ManifestExpectations(
            "secret-reader",
            2,
            "myregistry.azurecr.io/platform/secret-reader:2.1.0",
            7070,
            "workload-identity-sa0a1b2c",
            "00001111-aaaa-2222-bbbb-3333cccc4444",
            Optional.of("aaaabbbb-0000-cccc-1111-dddd2222eeee"),
            "kv-secrets-weu-01",
            "secret-reader-app",
            // not given: follows the app id
            "secret-reader-app",
            "debug",
            "vault",
            "db-password",
            List.of("api-key", "feature-flags"));

    private static GeneratedManifests manifests;

    @BeforeAll
    static void build() {
        ProjectCopy copy = ProjectCopy.create("overridden");
        copy.maven(List.of("-q", "package", "-DskipTests", "-Dmaven.test.skip=true",
                "-Dquarkus.application.name=" + EXPECTED.appName(),
                "-Dquarkus.kubernetes.replicas=" + EXPECTED.replicas(),
                "-Dquarkus.container-image.registry=myregistry.azurecr.io",
                "-Dquarkus.container-image.group=platform",
                "-Dquarkus.container-image.tag=2.1.0",
                "-Dquarkus.http.port=" + EXPECTED.httpPort(),
                "-Dk8s.service-account=" + EXPECTED.serviceAccount(),
                "-Dk8s.workload-identity.tenant-id=" + EXPECTED.tenantId().orElseThrow(),
                "-Dk8s.key-vault.name=" + EXPECTED.vaultName(),
                "-Dk8s.dapr.app-id=" + EXPECTED.daprAppId(),
                "-Dk8s.dapr.log-level=" + EXPECTED.daprLogLevel(),
                "-Dsecrets.store=" + EXPECTED.store(),
                "-Dsecrets.startup-secret=" + EXPECTED.startupSecret(),
                "-Dsecrets.allowed=" + String.join(",", EXPECTED.allowedSecrets())),
                Map.of("MAVEN_ARGS", "-Dk8s.workload-identity.client-id=" + EXPECTED.clientId()))
                .assertSucceeded();
        manifests = GeneratedManifests.read(copy.kubernetesDir());
    }

    @Override
    GeneratedManifests manifests() {
        return manifests;
    }

    @Override
    ManifestExpectations expected() {
        return EXPECTED;
    }
}
