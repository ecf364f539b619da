package io.github.aksdaprwif.dapr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.aksdaprwif.config.DaprSidecarConfig;

/**
 * Asks daprd's outbound health endpoint whether the sidecar is ready to serve the app's calls. The outbound endpoint
 * is the one to wait on: the plain healthz also waits for the app itself. Both are exempt from the API token.
 */
@ApplicationScoped
public class SidecarProbe {

    private final HttpClient http;
    private final URI healthUri;
    private final Duration timeout;
    private final AtomicReference<SidecarState> last = new AtomicReference<>(SidecarState.unknown());

    SidecarProbe(DaprSidecarConfig config) {
        this.timeout = config.callTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.healthUri = URI.create("http://" + hostForUri(config.sidecarIp()) + ":" + config.httpPort()
                + "/v1.0/healthz/outbound");
    }

    /** Probes now and remembers the answer. */
    public SidecarState check() {
        SidecarState state = probe();
        last.set(state);
        return state;
    }

    /** The latest answer, without asking again. */
    public SidecarState last() {
        return last.get();
    }

    public URI healthUri() {
        return healthUri;
    }

    private SidecarState probe() {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean up = status / 100 == 2;
            return new SidecarState(up, up ? "daprd answered " + status : "daprd is not ready (HTTP " + status + ")",
                    Instant.now());
        } catch (IOException e) {
            return new SidecarState(false, "no answer from " + healthUri + " (" + e.getClass().getSimpleName() + ")",
                    Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SidecarState(false, "interrupted", Instant.now());
        }
    }

    private static String hostForUri(String ip) {
        return ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
    }
}
