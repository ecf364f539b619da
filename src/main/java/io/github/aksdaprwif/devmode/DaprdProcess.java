package io.github.aksdaprwif.devmode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A self-hosted daprd child process on loopback ports, as dev mode and the tests run it. No placement or scheduler
 * service is needed: the app only reads secrets.
 */
public final class DaprdProcess {

    /**
     * @param binary the daprd executable
     * @param appId the Dapr app id
     * @param resourcesPath folder of Component and Configuration files
     * @param configFile a Configuration file to apply (secret scopes), or null
     * @param appPort the app's HTTP port for daprd's app channel, or null for none
     * @param apiToken DAPR_API_TOKEN for daprd, or null
     * @param logFile where daprd's output goes
     */
    public record Spec(Path binary, String appId, Path resourcesPath, Path configFile, Integer appPort,
            String apiToken, String logLevel, Path logFile) {
    }

    private final Spec spec;
    private final int httpPort;
    private final int grpcPort;
    private int metricsPort;
    private Process process;

    public DaprdProcess(Spec spec, int httpPort, int grpcPort) {
        this.spec = spec;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public Spec spec() {
        return spec;
    }

    /** The port of daprd's Prometheus metrics while it runs; a new one on each start. */
    public synchronized int metricsPort() {
        return metricsPort;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts daprd (if not running) and returns once its outbound health endpoint answers, or fails. */
    public synchronized void start(Duration readyWithin) throws IOException {
        if (running()) {
            return;
        }
        metricsPort = freePort();
        List<String> command = new ArrayList<>(List.of(spec.binary().toString(),
                "--mode", "standalone",
                "--app-id", spec.appId(),
                "--resources-path", spec.resourcesPath().toString(),
                "--dapr-http-port", Integer.toString(httpPort),
                "--dapr-grpc-port", Integer.toString(grpcPort),
                "--dapr-internal-grpc-port", Integer.toString(freePort()),
                "--metrics-port", Integer.toString(metricsPort),
                "--dapr-listen-addresses", "127.0.0.1",
                "--log-level", spec.logLevel()));
        if (spec.configFile() != null) {
            command.addAll(List.of("--config", spec.configFile().toString()));
        }
        if (spec.appPort() != null) {
            command.addAll(List.of("--app-port", spec.appPort().toString(), "--app-protocol", "http"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.remove("DAPR_API_TOKEN");
        if (spec.apiToken() != null) {
            env.put("DAPR_API_TOKEN", spec.apiToken());
        }
        spec.logFile().toAbsolutePath().getParent().toFile().mkdirs();
        process = builder.start();
        awaitReady(readyWithin);
    }

    /** Stops daprd: SIGTERM, then SIGKILL after a grace period. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady(Duration within) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + httpPort + "/v1.0/healthz/outbound");
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("daprd exited with code " + process.exitValue() + "; see " + spec.logFile());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for daprd", e);
            }
            sleep(100);
        }
        stop();
        throw new IOException("daprd did not become ready within " + within + "; see " + spec.logFile());
    }

    /** A port free on loopback right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
