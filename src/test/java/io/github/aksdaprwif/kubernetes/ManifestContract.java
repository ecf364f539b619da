package io.github.aksdaprwif.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Everything the generated manifests must say, for one build configuration. Subclasses give the manifests of one
 * build and the values that build was given, so the same checks run for the defaults and for overridden values: a
 * value written into the template instead of taken from the configuration fails one of them.
 */
abstract class ManifestContract {

    static final String WORKLOAD_IDENTITY_LABEL = "azure.workload.identity/use";
    static final String CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id";
    static final String TENANT_ID_ANNOTATION = "azure.workload.identity/tenant-id";
    static final String VERSION_LABEL = "app.kubernetes.io/version";
    /** What Kubernetes uses when a pod does not set terminationGracePeriodSeconds. */
    static final long DEFAULT_TERMINATION_GRACE_SECONDS = 30;
    /** How long a late sidecar, an image pull or a Key Vault role assignment may take before the pod is restarted. */
    static final long LATE_SIDECAR_BUDGET_SECONDS = 300;

    abstract GeneratedManifests manifests();

    abstract ManifestExpectations expected();

    @Test
    void manifestsHoldTheDeploymentItsServiceTheServiceAccountAndTheDaprResources() {
        GeneratedManifests manifests = manifests();
        ManifestExpectations expected = expected();
        assertAll(
                () -> assertEquals(expected.appName(), manifests.deployment().getMetadata().getName()),
                () -> assertEquals(expected.appName(), manifests.service().getMetadata().getName()),
                () -> assertEquals(expected.serviceAccount(), manifests.serviceAccount().getMetadata().getName()),
                () -> assertEquals(expected.store(), manifests.component().metadata().getName()),
                () -> assertEquals(expected.daprConfig(), manifests.configuration().metadata().getName()),
                () -> assertEquals(5, manifests.documents().size(), "no other objects"),
                // One namespace for all, the one kubectl applies to: the component's scope, the configuration and the
                // service account only work next to the deployment.
                () -> manifests.allMetadata().forEach(m -> assertNull(m.metadata().getNamespace(),
                        m.what() + " must not pin a namespace")));
    }

    @Test
    void workloadIdentityLabelIsOnThePodTemplateAndInNoSelector() {
        GeneratedManifests manifests = manifests();
        Deployment deployment = manifests.deployment();
        Map<String, String> podLabels = podTemplate().getMetadata().getLabels();
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        Map<String, String> serviceSelector = manifests.service().getSpec().getSelector();
        assertAll(
                () -> assertEquals("true", podLabels.get(WORKLOAD_IDENTITY_LABEL)),
                () -> assertFalse(selector.containsKey(WORKLOAD_IDENTITY_LABEL), "Deployment selector " + selector),
                () -> assertTrue(Optional.ofNullable(deployment.getSpec().getSelector().getMatchExpressions())
                        .map(List::isEmpty).orElse(true), "no selector expressions"),
                () -> assertFalse(serviceSelector.containsKey(WORKLOAD_IDENTITY_LABEL),
                        "Service selector " + serviceSelector),
                () -> manifests.allMetadata().forEach(m -> assertFalse(
                        labels(m.metadata()).containsKey(WORKLOAD_IDENTITY_LABEL),
                        m.what() + " must not carry the pod label")),
                // The selectors must still find the pods, and survive the next version: they are immutable.
                () -> assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "selector " + selector),
                () -> assertTrue(podLabels.entrySet().containsAll(serviceSelector.entrySet()),
                        "Service selector " + serviceSelector),
                () -> assertFalse(selector.containsKey(VERSION_LABEL), "no version in the selector"),
                () -> assertFalse(serviceSelector.containsKey(VERSION_LABEL), "no version in the Service selector"));
    }

    @Test
    void daprAnnotationsAreOnlyOnThePodTemplate() {
        assertAll(
                () -> assertTrue(podAnnotations().keySet().stream().anyMatch(ManifestContract::isDapr)),
                () -> assertTrue(labels(podTemplate().getMetadata()).keySet().stream()
                        .noneMatch(ManifestContract::isDapr), "Dapr reads annotations, not labels"),
                () -> manifests().allMetadata().forEach(m -> {
                    assertTrue(annotations(m.metadata()).keySet().stream().noneMatch(ManifestContract::isDapr),
                            m.what() + " annotations " + annotations(m.metadata()));
                    assertTrue(labels(m.metadata()).keySet().stream().noneMatch(ManifestContract::isDapr),
                            m.what() + " labels " + labels(m.metadata()));
                }));
    }

    @Test
    void podTemplateTellsDaprWhichAppPortAndConfigurationToUse() {
        ManifestExpectations expected = expected();
        Map<String, String> annotations = podAnnotations();
        assertAll(
                () -> assertEquals("true", annotations.get("dapr.io/enabled")),
                () -> assertEquals(expected.daprAppId(), annotations.get("dapr.io/app-id")),
                () -> assertEquals(String.valueOf(expected.httpPort()), annotations.get("dapr.io/app-port")),
                () -> assertEquals("http", annotations.get("dapr.io/app-protocol")),
                () -> assertEquals(expected.daprConfig(), annotations.get("dapr.io/config")),
                () -> assertEquals(expected.daprLogLevel(), annotations.get("dapr.io/log-level")));
    }

    @Test
    void sidecarIsSizedReadsNoKubernetesSecretsAndStopsAfterTheApp() {
        Map<String, String> annotations = podAnnotations();
        long grace = Objects.requireNonNullElse(podSpec().getTerminationGracePeriodSeconds(),
                DEFAULT_TERMINATION_GRACE_SECONDS);
        assertAll(
                () -> assertEquals("true", annotations.get("dapr.io/disable-builtin-k8s-secret-store")),
                () -> assertWithin(quantity(annotations, "dapr.io/sidecar-cpu-request"),
                        quantity(annotations, "dapr.io/sidecar-cpu-limit"), "sidecar cpu"),
                () -> assertWithin(quantity(annotations, "dapr.io/sidecar-memory-request"),
                        quantity(annotations, "dapr.io/sidecar-memory-limit"), "sidecar memory"),
                () -> {
                    int shutdown = Integer.parseInt(annotations.get("dapr.io/graceful-shutdown-seconds"));
                    assertTrue(shutdown > 0 && shutdown < grace,
                            "the sidecar outlives the app's shutdown, within the pod's grace period: " + shutdown);
                });
    }

    @Test
    void serviceAccountNamesTheManagedIdentity() {
        ManifestExpectations expected = expected();
        Map<String, String> annotations = annotations(manifests().serviceAccount().getMetadata());
        assertAll(
                () -> assertEquals(expected.serviceAccount(), podSpec().getServiceAccountName()),
                () -> assertEquals(expected.clientId(), annotations.get(CLIENT_ID_ANNOTATION)),
                // Absent, never empty: the webhook takes any value it finds and would inject an empty tenant.
                () -> assertEquals(expected.tenantId().orElse(null), annotations.get(TENANT_ID_ANNOTATION)),
                () -> assertEquals(expected.tenantId().isPresent() ? 2 : 1, annotations.size(),
                        "annotations " + annotations));
    }

    @Test
    void componentReadsTheConfiguredVaultWithoutCredentialsForThisAppOnly() {
        ManifestExpectations expected = expected();
        DaprComponent component = manifests().component();
        assertAll(
                () -> assertEquals("dapr.io/v1alpha1", component.apiVersion()),
                () -> assertEquals("secretstores.azure.keyvault", component.spec().type()),
                () -> assertEquals("v1", component.spec().version()),
                () -> assertEquals(List.of("vaultName"),
                        component.spec().metadata().stream().map(DaprComponent.NameValue::name).toList(),
                        "workload identity authenticates: no credentials in the component"),
                () -> assertEquals(expected.vaultName(), component.metadataValue("vaultName")),
                () -> assertNull(component.auth()),
                () -> assertEquals(List.of(expected.daprAppId()), component.scopes()));
    }

    @Test
    void configurationLetsTheAppReadOnlyTheSecretsItIsConfiguredToRead() {
        ManifestExpectations expected = expected();
        DaprConfiguration configuration = manifests().configuration();
        DaprConfiguration.Scope store = configuration.scope(expected.store());
        DaprConfiguration.Scope kubernetes = configuration.scope("kubernetes");
        Map<String, EnvVar> env = env();
        assertAll(
                () -> assertEquals("dapr.io/v1alpha1", configuration.apiVersion()),
                () -> assertNotNull(store, "a secret scope for " + expected.store()),
                () -> assertEquals("deny", store.defaultAccess()),
                () -> assertEquals(expected.scopedSecrets(), store.allowedSecrets()),
                () -> assertNull(store.deniedSecrets(), "allowedSecrets already denies the rest"),
                () -> assertNotNull(kubernetes, "a scope that denies the built-in Kubernetes store"),
                () -> assertEquals("deny", kubernetes.defaultAccess()),
                () -> assertNull(kubernetes.allowedSecrets()),
                // The service is pinned to the same names, whatever application.properties its image carries.
                () -> assertEquals(expected.store(), value(env, "SECRETS_STORE")),
                () -> assertEquals(expected.startupSecret(), value(env, "SECRETS_STARTUP_SECRET")),
                () -> assertEquals(String.join(",", expected.allowedSecrets()), value(env, "SECRETS_ALLOWED")));
    }

    @Test
    void realDaprdWithTheGeneratedConfigurationServesTheseSecretsAndRefusesOthers() {
        ManifestExpectations expected = expected();
        String outsider = "not-in-the-manifest";
        Map<String, String> secrets = new LinkedHashMap<>();
        expected.scopedSecrets().forEach(name -> secrets.put(name, "value of " + name));
        secrets.put(outsider, "must stay in the vault");
        Map<String, Integer> expectedStatus = new TreeMap<>();
        expected.scopedSecrets().forEach(name -> expectedStatus.put(name, 200));
        expectedStatus.put(outsider, 403);
        try (ScopedSidecar sidecar = ScopedSidecar.start(manifests().document("Configuration"),
                expected.daprAppId(), expected.store(), secrets)) {
            assertEquals(expectedStatus, sidecar.statusOf(List.copyOf(secrets.keySet())));
        }
    }

    @Test
    void containerReplicasAndEnvironmentSurviveTheMergeWithWhatQuarkusGenerates() {
        ManifestExpectations expected = expected();
        Container container = container();
        List<String> envNames = container.getEnv().stream().map(EnvVar::getName).toList();
        assertAll(
                () -> assertEquals(1, podSpec().getContainers().size(),
                        "the template's container merged into Quarkus's"),
                () -> assertEquals(expected.replicas(), manifests().deployment().getSpec().getReplicas()),
                // from Quarkus
                () -> assertEquals(expected.image(), container.getImage()),
                () -> assertNotNull(container.getStartupProbe()),
                () -> assertNotNull(container.getResources().getLimits()),
                () -> assertTrue(envNames.containsAll(List.of("POD_NAMESPACE", "POD_SERVICE_ACCOUNT")),
                        "env " + envNames),
                // from the template
                () -> assertNotNull(container.getSecurityContext()),
                () -> assertTrue(envNames.containsAll(List.of("QUARKUS_HTTP_PORT", "SECRETS_STORE",
                        "SECRETS_STARTUP_SECRET", "SECRETS_ALLOWED")), "env " + envNames),
                () -> assertEquals(envNames.size(), envNames.stream().distinct().count(),
                        "each variable once: " + envNames));
    }

    @Test
    void containerLearnsItsNamespaceAndServiceAccountFromTheDownwardApi() {
        Map<String, EnvVar> env = env();
        assertAll(
                () -> assertEquals("metadata.namespace", fieldPath(env, "POD_NAMESPACE")),
                () -> assertEquals("spec.serviceAccountName", fieldPath(env, "POD_SERVICE_ACCOUNT")));
    }

    @Test
    void appListensWhereDaprTheProbesAndTheServiceLook() {
        int port = expected().httpPort();
        Container container = container();
        List<ServicePort> servicePorts = manifests().service().getSpec().getPorts();
        assertAll(
                () -> assertEquals(String.valueOf(port), value(env(), "QUARKUS_HTTP_PORT")),
                () -> assertEquals(List.of(port),
                        container.getPorts().stream().map(p -> p.getContainerPort()).toList()),
                () -> assertEquals("http", container.getPorts().get(0).getName()),
                () -> assertEquals(String.valueOf(port), podAnnotations().get("dapr.io/app-port")),
                () -> assertEquals(1, servicePorts.size()),
                () -> assertTrue(targets(servicePorts.get(0).getTargetPort(), port), "Service ports " + servicePorts),
                () -> probes().forEach((name, probe) -> assertTrue(targets(probe.getHttpGet().getPort(), port),
                        name + " probe port " + probe.getHttpGet().getPort())));
    }

    @Test
    void probesAskTheHealthEndpointsAndWaitLongEnoughForALateSidecar() {
        Map<String, Probe> probes = probes();
        Probe startup = probes.get("startup");
        assertAll(
                () -> assertEquals("/q/health/started", startup.getHttpGet().getPath()),
                () -> assertEquals("/q/health/ready", probes.get("readiness").getHttpGet().getPath()),
                () -> assertEquals("/q/health/live", probes.get("liveness").getHttpGet().getPath()),
                () -> assertTrue(budgetSeconds(startup) >= LATE_SIDECAR_BUDGET_SECONDS,
                        "the start-up probe gives up after " + budgetSeconds(startup) + "s"),
                () -> probes.forEach((name, probe) -> assertTrue(
                        probe.getTimeoutSeconds() >= 1 && probe.getTimeoutSeconds() < probe.getPeriodSeconds(),
                        name + " probe: an answer is awaited for less than the period")),
                // Once started, a missed answer or two must not restart the app.
                () -> assertTrue(probes.get("liveness").getFailureThreshold() >= 3));
    }

    @Test
    void resourcesAreSizedForANativeExecutable() {
        Map<String, Quantity> requests = container().getResources().getRequests();
        Map<String, Quantity> limits = container().getResources().getLimits();
        assertAll(
                () -> assertWithin(requests.get("cpu"), limits.get("cpu"), "cpu"),
                () -> assertWithin(requests.get("memory"), limits.get("memory"), "memory"),
                () -> assertTrue(bytes(limits.get("memory")).compareTo(bytes(new Quantity("256Mi"))) <= 0,
                        "a native executable needs far less than a JVM: " + limits.get("memory")));
    }

    @Test
    void containerRunsAsNonRootOnAReadOnlyFilesystemWithoutPrivileges() {
        SecurityContext container = container().getSecurityContext();
        PodSecurityContext pod = podSpec().getSecurityContext();
        assertAll(
                () -> assertEquals(Boolean.TRUE, container.getRunAsNonRoot()),
                () -> assertEquals(Boolean.TRUE, container.getReadOnlyRootFilesystem()),
                () -> assertEquals(Boolean.FALSE, container.getAllowPrivilegeEscalation()),
                () -> assertEquals(List.of("ALL"), container.getCapabilities().getDrop()),
                () -> assertEquals(List.of(), container.getCapabilities().getAdd()),
                () -> assertEquals("RuntimeDefault", container.getSeccompProfile().getType()),
                () -> assertNotEquals(Boolean.TRUE, container.getPrivileged()),
                // Pod level too, so that the injected daprd container runs the same way.
                () -> assertEquals(Boolean.TRUE, pod.getRunAsNonRoot()),
                () -> assertTrue(pod.getRunAsUser() != null && pod.getRunAsUser() > 0,
                        "runAsUser " + pod.getRunAsUser()),
                () -> assertEquals("RuntimeDefault", pod.getSeccompProfile().getType()),
                // The projected workload identity token is readable by group fsGroup, whoever a container runs as.
                () -> assertNotNull(pod.getFsGroup()),
                () -> assertNotEquals(Boolean.TRUE, podSpec().getHostNetwork()),
                () -> assertNotEquals(Boolean.TRUE, podSpec().getHostPID()),
                // With a read-only root, /tmp is the one writable place.
                () -> assertTrue(container().getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())
                        && podSpec().getVolumes().stream()
                                .anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null)),
                        "an emptyDir on /tmp"));
    }

    // --- what the checks look at

    PodTemplateSpec podTemplate() {
        return manifests().deployment().getSpec().getTemplate();
    }

    PodSpec podSpec() {
        return podTemplate().getSpec();
    }

    Map<String, String> podAnnotations() {
        return annotations(podTemplate().getMetadata());
    }

    Container container() {
        return podSpec().getContainers().stream().filter(c -> expected().appName().equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container named " + expected().appName() + " in "
                        + podSpec().getContainers().stream().map(Container::getName).toList()));
    }

    Map<String, EnvVar> env() {
        return container().getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, Function.identity(), (first, second) -> first));
    }

    Map<String, Probe> probes() {
        Container container = container();
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startup", container.getStartupProbe());
        probes.put("readiness", container.getReadinessProbe());
        probes.put("liveness", container.getLivenessProbe());
        probes.forEach((name, probe) -> assertNotNull(probe, name + " probe"));
        return probes;
    }

    boolean targets(IntOrString port, int number) {
        return port.getIntVal() != null ? port.getIntVal() == number
                : container().getPorts().stream()
                        .anyMatch(p -> p.getName().equals(port.getStrVal()) && p.getContainerPort() == number);
    }

    static Map<String, String> annotations(ObjectMeta metadata) {
        return Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of());
    }

    static Map<String, String> labels(ObjectMeta metadata) {
        return Optional.ofNullable(metadata.getLabels()).orElse(Map.of());
    }

    private static boolean isDapr(String key) {
        return key.startsWith("dapr.io/");
    }

    private static String value(Map<String, EnvVar> env, String name) {
        assertNotNull(env.get(name), "env " + name);
        return env.get(name).getValue();
    }

    private static String fieldPath(Map<String, EnvVar> env, String name) {
        assertNotNull(env.get(name), "env " + name);
        return env.get(name).getValueFrom().getFieldRef().getFieldPath();
    }

    private static Quantity quantity(Map<String, String> annotations, String key) {
        assertNotNull(annotations.get(key), key);
        return new Quantity(annotations.get(key));
    }

    private static long budgetSeconds(Probe probe) {
        return Objects.requireNonNullElse(probe.getInitialDelaySeconds(), 0)
                + (long) probe.getPeriodSeconds() * probe.getFailureThreshold();
    }

    private static BigDecimal bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static void assertWithin(Quantity request, Quantity limit, String what) {
        assertNotNull(request, what + " request");
        assertNotNull(limit, what + " limit");
        assertTrue(bytes(request).signum() > 0 && bytes(request).compareTo(bytes(limit)) <= 0,
                what + ": request " + request + " must be positive and within the limit " + limit);
    }
}
