package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Schemathesis (src/test/schemathesis/run.sh) generates requests from the service's own OpenAPI document and checks
 * every answer: only documented status codes and media types, responses that match their schemas, 405 with Allow
 * for undocumented methods, no 5xx but the documented 502/503, errors as problem+json, and no secret value anywhere
 * while revealing is off. Once with the sidecar up, once with it stopped, so the failure answers are exercised too.
 */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.reveal", value = "false"),
        @ResourceArg(name = "secrets.allowed", value = "other,missing-in-store"),
        // The rate limit has its own test; here it would hide the refresh logic behind 429s.
        @ResourceArg(name = "secrets.refresh.limit", value = "1000000") })
class OpenApiContractTest {

    @InjectSidecar
    TestSidecar sidecar;

    @TestHTTPResource("/")
    URL base;

    @Test
    void generatedRequestsKeepTheDocumentedContractWithTheSidecarUp() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        schemathesis("sidecar-up");
    }

    @Test
    void generatedRequestsKeepTheDocumentedContractWithTheSidecarStopped() throws Exception {
        sidecar.stop();
        try {
            schemathesis("sidecar-stopped");
        } finally {
            sidecar.start();
        }
    }

    private void schemathesis(String run) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "schemathesis", run)).toAbsolutePath();
        Path values = dir.resolve("secret-values.txt");
        Files.write(values, DaprdResource.SECRETS.values(), StandardCharsets.UTF_8);
        Path log = dir.resolve("schemathesis.log");
        String baseUrl = base.toString().replaceAll("/$", "");
        Process process = new ProcessBuilder("bash", "src/test/schemathesis/run.sh", baseUrl, values.toString(),
                dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Bounds a hung run; the first run also installs schemathesis into a virtualenv.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, process.isAlive() ? -1 : process.exitValue(), "schemathesis found problems (" + log + "):\n"
                + output);
    }
}
