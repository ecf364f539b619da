package io.github.aksdaprwif.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.aksdaprwif.devmode.DaprdProcess;

/** The real daprd of a test class, and the application's log file, for tests that stop, start or read them. */
public final class TestSidecar {

    private final DaprdProcess daprd;
    private final Path appLog;
    private final Path secretsFile;

    TestSidecar(DaprdProcess daprd, Path appLog, Path secretsFile) {
        this.daprd = daprd;
        this.appLog = appLog;
        this.secretsFile = secretsFile;
    }

    /**
     * Replaces the store's content. secretstores.local.file reads its file when daprd starts, so a rotation is
     * this, then {@link #stop()} and {@link #start()}.
     */
    public void writeSecrets(Map<String, String> secrets) {
        try {
            Files.writeString(secretsFile, DaprdResource.json(secrets), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many secret reads daprd's store component served since daprd last started, from daprd's own Prometheus
     * metric {@code dapr_component_secret_count}: the sidecar's view of the app's Dapr calls.
     */
    public long storeReads() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daprd.metricsPort()
                    + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("dapr_component_secret_count{"))
                    .filter(line -> line.contains("operation=\"get\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void start() {
        try {
            daprd.start(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        daprd.stop();
    }

    public boolean running() {
        return daprd.running();
    }

    public int httpPort() {
        return daprd.httpPort();
    }

    public String token() {
        return daprd.spec().apiToken();
    }

    /** Everything the application logged so far. */
    public String appLog() {
        return TestFiles.readIfExists(appLog);
    }

    /** What daprd logged so far. */
    public String daprdLog() {
        return TestFiles.readIfExists(daprd.spec().logFile());
    }
}
