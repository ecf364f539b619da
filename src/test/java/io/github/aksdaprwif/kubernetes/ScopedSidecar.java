package io.github.aksdaprwif.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.aksdaprwif.devmode.DaprdProcess;
import io.github.aksdaprwif.testing.DaprdResource;

/**
 * A real daprd that runs with the generated Dapr Configuration, as it is, and a local file store in place of Key
 * Vault under the generated Component's name: what it answers is what the sidecar in the pod will allow.
 */
final class ScopedSidecar implements AutoCloseable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final DaprdProcess daprd;
    private final String store;
    private final HttpClient http = HttpClient.newHttpClient();

    private ScopedSidecar(Path workDir, DaprdProcess daprd, String store) {
        this.workDir = workDir;
        this.daprd = daprd;
        this.store = store;
    }

    /** Starts daprd as app {@code appId} with {@code configuration} and a store holding {@code secrets}. */
    static ScopedSidecar start(JsonNode configuration, String appId, String store, Map<String, String> secrets) {
        try {
            Path workDir = Files.createTempDirectory("generated-secret-scope-");
            Path components = Files.createDirectories(workDir.resolve("components"));
            Path secretsFile = workDir.resolve("secrets.json");
            JSON.writeValue(secretsFile.toFile(), secrets);
            Files.writeString(components.resolve("store.yaml"), DaprdResource.localFileStore(store, secretsFile));
            Path configFile = workDir.resolve("configuration.yaml");
            YAML.writeValue(configFile.toFile(), configuration);
            Path log = Files.createDirectories(Path.of("target", "test-logs"))
                    .resolve("daprd-generated-scope-" + workDir.getFileName() + ".log").toAbsolutePath();
            DaprdProcess daprd = new DaprdProcess(new DaprdProcess.Spec(DaprdResource.binary(), appId, components,
                    configFile, null, null, "info", log), DaprdProcess.freePort(), DaprdProcess.freePort());
            daprd.start(Duration.ofSeconds(60));
            return new ScopedSidecar(workDir, daprd, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int statusOf(String secret) {
        URI uri = URI.create("http://127.0.0.1:" + daprd.httpPort() + "/v1.0/secrets/" + store + "/"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each secret with Dapr's HTTP status for a read of it. */
    Map<String, Integer> statusOf(List<String> secrets) {
        return secrets.stream().collect(Collectors.toMap(s -> s, this::statusOf, (a, b) -> a, TreeMap::new));
    }

    @Override
    public void close() {
        daprd.stop();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
