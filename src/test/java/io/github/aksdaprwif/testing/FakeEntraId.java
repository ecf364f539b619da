package io.github.aksdaprwif.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local stand-in for Microsoft Entra ID's token endpoint over HTTPS (azure-identity refuses plain http). It records
 * every request and answers as told: an access token, an AADSTS error as Entra ID words it, or nothing in time.
 */
public final class FakeEntraId implements AutoCloseable {

    /** What the endpoint does with the next token request. */
    public enum Mode {
        ISSUE_TOKEN, AADSTS70021, STALL
    }

    /** One request as received; the body is the decoded form. */
    public record Request(String method, String path, Map<String, String> form) {
    }

    public static final String ACCESS_TOKEN = "fake-access-token-7f3c9e21-never-to-be-shown";

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-entra-id");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Duration stall;
    private volatile Mode mode = Mode.ISSUE_TOKEN;
    private volatile String issuer;
    private volatile String subject;

    FakeEntraId(Path keyStore, char[] password, Duration stall) throws IOException, GeneralSecurityException {
        this.stall = stall;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** The claims Entra ID quotes back in an AADSTS70021 answer. */
    void assertion(String issuer, String subject) {
        this.issuer = issuer;
        this.subject = subject;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> tokenRequests() {
        return requests.stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form(body));
            requests.add(request);
            if (!request.path().endsWith("/oauth2/v2.0/token")) {
                respond(exchange, 404, "{\"error\":\"not_found\"}");
                return;
            }
            switch (mode) {
                case ISSUE_TOKEN -> respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                        + "\"ext_expires_in\":3599,\"access_token\":\"" + ACCESS_TOKEN + "\"}");
                case AADSTS70021 -> respond(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":"
                        + "\"AADSTS70021: No matching federated identity record found for presented assertion. "
                        + "Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject + "'. Assertion "
                        + "Audience: 'api://AzureADTokenExchange'. https://docs.microsoft.com/azure/active-directory/"
                        + "develop/workload-identity-federation\\r\\nTrace ID: 0d6b2b5c-0000-4000-8000-000000000000\\r\\n"
                        + "Correlation ID: 5e8b6f1a-0000-4000-8000-000000000000\\r\\nTimestamp: 2026-03-01 12:00:00Z\","
                        + "\"error_codes\":[70021],\"timestamp\":\"2026-03-01 12:00:00Z\",\"trace_id\":"
                        + "\"0d6b2b5c-0000-4000-8000-000000000000\",\"correlation_id\":"
                        + "\"5e8b6f1a-0000-4000-8000-000000000000\",\"error_uri\":"
                        + "\"https://login.microsoftonline.com/error?code=70021\"}");
                case STALL -> {
                    try {
                        Thread.sleep(stall.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
                }
            }
        } catch (IOException e) {
            // The client gave up (a stalled answer after its timeout): nothing to answer.
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
