package io.github.aksdaprwif.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The objects of one target/kubernetes/ folder, read into fabric8's Kubernetes model (the one quarkus-kubernetes writes
 * them with) and into {@link DaprComponent} and {@link DaprConfiguration}. Reading is strict: a field the model does
 * not define fails, where fabric8 would otherwise keep it aside in additionalProperties and say nothing.
 */
record GeneratedManifests(List<JsonNode> documents, List<ServiceAccount> serviceAccounts, List<Service> services,
        List<Deployment> deployments, List<DaprComponent> components, List<DaprConfiguration> configurations) {

    // fabric8's models collect unknown fields through an any-setter; without one, Jackson refuses them.
    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** Reads kubernetes.yml, and checks that kubernetes.json holds the very same objects. */
    static GeneratedManifests read(Path kubernetesDir) {
        Path yml = kubernetesDir.resolve("kubernetes.yml");
        Path json = kubernetesDir.resolve("kubernetes.json");
        assertTrue(Files.isRegularFile(yml), yml + " is missing: the manifests are written by `./mvnw package`");
        assertTrue(Files.isRegularFile(json), json + " is missing: the manifests are written by `./mvnw package`");
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = YAML.createParser(yml.toFile())) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
            }
            List<JsonNode> jsonDocuments = new ArrayList<>();
            JSON.readTree(json.toFile()).forEach(jsonDocuments::add);
            assertEquals(documents, jsonDocuments, "kubernetes.json must hold the same objects as kubernetes.yml");
            return of(documents);
        } catch (JsonProcessingException e) {
            throw new AssertionError(yml + " does not fit the Kubernetes and Dapr models: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GeneratedManifests of(List<JsonNode> documents) throws JsonProcessingException {
        List<ServiceAccount> serviceAccounts = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Deployment> deployments = new ArrayList<>();
        List<DaprComponent> components = new ArrayList<>();
        List<DaprConfiguration> configurations = new ArrayList<>();
        for (JsonNode document : documents) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            switch (type) {
                case "v1/ServiceAccount" -> serviceAccounts.add(STRICT.treeToValue(document, ServiceAccount.class));
                case "v1/Service" -> services.add(STRICT.treeToValue(document, Service.class));
                case "apps/v1/Deployment" -> deployments.add(STRICT.treeToValue(document, Deployment.class));
                case "dapr.io/v1alpha1/Component" -> components.add(STRICT.treeToValue(document, DaprComponent.class));
                case "dapr.io/v1alpha1/Configuration" ->
                    configurations.add(STRICT.treeToValue(document, DaprConfiguration.class));
                default -> throw new AssertionError("Unexpected object in the manifests: " + type);
            }
        }
        return new GeneratedManifests(documents, serviceAccounts, services, deployments, components, configurations);
    }

    /** The one object of this kind, as written. */
    JsonNode document(String kind) {
        List<JsonNode> found = documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        return only(found, kind);
    }

    Deployment deployment() {
        return only(deployments, "Deployment");
    }

    Service service() {
        return only(services, "Service");
    }

    ServiceAccount serviceAccount() {
        return only(serviceAccounts, "ServiceAccount");
    }

    DaprComponent component() {
        return only(components, "Dapr Component");
    }

    DaprConfiguration configuration() {
        return only(configurations, "Dapr Configuration");
    }

    /** Every object's metadata, whatever its kind, for checks that must hold everywhere. */
    List<NamedMetadata> allMetadata() {
        List<NamedMetadata> all = new ArrayList<>();
        serviceAccounts.forEach(o -> all.add(NamedMetadata.of(o)));
        services.forEach(o -> all.add(NamedMetadata.of(o)));
        deployments.forEach(o -> all.add(NamedMetadata.of(o)));
        components.forEach(o -> all.add(new NamedMetadata("Component " + o.metadata().getName(), o.metadata())));
        configurations.forEach(
                o -> all.add(new NamedMetadata("Configuration " + o.metadata().getName(), o.metadata())));
        return all;
    }

    record NamedMetadata(String what, ObjectMeta metadata) {
        static NamedMetadata of(HasMetadata object) {
            return new NamedMetadata(object.getKind() + " " + object.getMetadata().getName(), object.getMetadata());
        }
    }

    private static <T> T only(List<T> objects, String what) {
        assertEquals(1, objects.size(), "the manifests must hold exactly one " + what);
        return objects.get(0);
    }
}
