package io.github.aksdaprwif.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the build treats the deployment values it is given. A value that could not work stops it before anything is
 * generated, naming the property and what it should hold: an empty client id from a failed {@code $(az ...)} would
 * otherwise deploy a pod that fails only at its first token exchange.
 */
class DeploymentValuesIT {

    private static ProjectCopy copy;

    @BeforeAll
    static void copyProject() {
        copy = ProjectCopy.create("deployment-values");
    }

    @Test
    void invalidValuesStopTheBuildAndEachIsNamedWithWhatItShouldHold() {
        // One run: the enforcer reports every failed rule, and each Maven start costs seconds.
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("k8s.workload-identity.client-id", "");
        invalid.put("k8s.key-vault.name", "https://kv-1.vault.azure.net");
        invalid.put("k8s.service-account", "Workload_SA");
        invalid.put("k8s.dapr.app-id", "Secret.Reader");
        invalid.put("k8s.dapr.log-level", "verbose");
        List<String> arguments = new ArrayList<>(List.of("validate"));
        invalid.forEach((property, value) -> arguments.add("-D" + property + "=" + value));
        ProjectCopy.Result result = copy.maven(arguments, Map.of());
        assertAll(
                () -> assertNotEquals(0, result.exitCode(), "the build must fail:\n" + result.tail()),
                () -> assertError(result, "k8s.workload-identity.client-id must be the client id (a GUID)"),
                () -> assertError(result, "k8s.key-vault.name must be a Key Vault name"),
                () -> assertError(result, "k8s.service-account must be a Kubernetes object name"),
                () -> assertError(result, "k8s.dapr.app-id must be a DNS label"),
                // derived from the app id
                () -> assertError(result, "k8s.dapr.config must be a Kubernetes object name"),
                () -> assertError(result, "k8s.dapr.log-level must be one of daprd's levels"));
    }

    @Test
    void tenantIdThatIsNoGuidStopsTheBuild() {
        ProjectCopy.Result result = copy.maven(List.of("validate",
                "-Dk8s.workload-identity.tenant-id=contoso.onmicrosoft.com"), Map.of());
        assertAll(
                () -> assertNotEquals(0, result.exitCode(), "the build must fail:\n" + result.tail()),
                () -> assertError(result,
                        "k8s.workload-identity.tenant-id, when given, must be the identity's tenant id (a GUID)"));
    }

    @Test
    void emptyTenantIdLeavesTheAnnotationOutSoTheWebhookUsesTheClusterTenant() {
        copy.maven(List.of("-q", "package", "-DskipTests", "-Dmaven.test.skip=true",
                "-Dk8s.workload-identity.tenant-id="), Map.of()).assertSucceeded();
        Map<String, String> annotations = ManifestContract.annotations(
                GeneratedManifests.read(copy.kubernetesDir()).serviceAccount().getMetadata());
        assertEquals(Map.of(ManifestContract.CLIENT_ID_ANNOTATION, "00000000-0000-0000-0000-000000000000"),
                annotations);
    }

    private static void assertError(ProjectCopy.Result result, String message) {
        assertTrue(result.output().lines().anyMatch(line -> line.startsWith("[ERROR]") && line.contains(message)),
                "the build must say: " + message + "\n" + result.tail());
    }
}
