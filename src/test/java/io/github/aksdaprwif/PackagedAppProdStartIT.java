package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.aksdaprwif.devmode.DaprdProcess;
import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.TestSidecar;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged application started the way a pod starts it: its default (prod) profile, the sidecar address only in
 * the variables Dapr's injector sets, nothing else from the tests, and no sidecar yet. It is launched here rather
 * than by @QuarkusIntegrationTest, whose launcher adds configuration of its own. With -Dnative it is the native
 * executable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppProdStartIT {

    /** Generous for a loaded CI machine; the packaged JVM app usually answers within two seconds. */
    private static final Duration FIRST_ANSWER_WITHIN = Duration.ofSeconds(60);

    private final DaprdResource daprd = new DaprdResource();
    private TestSidecar sidecar;
    private Process app;
    private Path appOutput;
    private Path appWorkDir;
    private int httpPort;
    private final StringBuilder answers = new StringBuilder();

    @BeforeAll
    void launchWithoutSidecar() throws IOException {
        daprd.init(Map.of("start", "false"));
        Map<String, String> sidecarAddress = daprd.start();
        daprd.inject((value, field) -> sidecar = (TestSidecar) value);

        httpPort = DaprdProcess.freePort();
        appOutput = Files.createDirectories(Path.of("target", "test-logs"))
                .resolve("packaged-prod-" + UUID.randomUUID().toString().substring(0, 8) + ".log").toAbsolutePath();
        appWorkDir = Files.createTempDirectory("packaged-app-");
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(appWorkDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appOutput.toFile());
        Map<String, String> env = builder.environment();
        // Nothing from the developer's shell may change the profile or reveal the value.
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("SECRETS_")
                || key.startsWith("DAPR_"));
        env.put("DAPR_HTTP_PORT", sidecarAddress.get("dapr.http.port"));
        env.put("DAPR_GRPC_PORT", sidecarAddress.get("dapr.grpc.port"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        app = builder.start();
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
        daprd.stop();
        if (appWorkDir != null) {
            try (Stream<Path> files = Files.walk(appWorkDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void answersHealthAtOnceWithoutASidecar() {
        long started = System.nanoTime();
        await().atMost(FIRST_ANSWER_WITHIN).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> http().get("/q/health/live").statusCode() == 200);
        System.out.printf("Packaged app (%s) answered /q/health/live %d ms after launch, no sidecar running%n",
                artifactType(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertFalse(sidecar.running());
        // The first attempt runs in the background; its failure is recorded within milliseconds of the start.
        await().atMost(Duration.ofSeconds(10)).until(() -> "SIDECAR_UNREACHABLE".equals(
                http().get("/q/health/started").then().extract().path("checks[0].data.lastError")));
        record(http().get("/q/health/started").then().statusCode(503).extract().asString());
        record(http().get("/q/health/ready").then().statusCode(503).extract().asString());
        record(http().get("/secret").then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:secret-not-loaded"))
                .body("reason", equalTo("SIDECAR_UNREACHABLE")).extract().asString());
        assertTrue(output().contains("Profile prod activated"), output());
    }

    @Test
    @Order(2)
    void loadsTheSecretOnceTheSidecarStartsWithoutShowingIt() {
        sidecar.start();
        // The loader backs off up to 30 s between attempts by default.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http().get("/q/health/started").statusCode() == 200);
        record(http().get("/secret").then().statusCode(200)
                .body("status", equalTo("loaded"))
                .body("value", nullValue())
                .body("length", equalTo(11))
                .body("fingerprint", equalTo("8c1785f052ee")).extract().asString());
        record(http().get("/q/health").then().statusCode(200).extract().asString());
        record(http().get("/secrets/other").then().statusCode(404).extract().asString());
    }

    @Test
    @Order(3)
    void stopsOnSigtermAndNeverLoggedTheValue() throws InterruptedException, IOException {
        app.destroy();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app stops on SIGTERM");
        try (Stream<Path> files = Files.list(appWorkDir)) {
            assertEquals(List.of(), files.toList(), "the app writes no file into its working directory");
        }
        String log = output();
        assertTrue(log.contains("Fetched Secret: <hidden> (secret 'dapr' from store 'demo-secret-store', 11 characters"),
                log);
        assertEquals(1, HowToEndToEndTest.count(log, "Fetched Secret:"), log);
        String everything = log + answers;
        for (String value : DaprdResource.SECRETS.values()) {
            assertFalse(everything.contains(value), "a secret value leaked: " + value);
        }
    }

    private RequestSpecification http() {
        return given().baseUri("http://localhost").port(httpPort);
    }

    private void record(String answer) {
        answers.append(answer).append('\n');
    }

    private String output() {
        try {
            return Files.readString(appOutput, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the build produced, as Quarkus records it for its own integration tests: the jar or the native executable. */
    private static List<String> command() {
        Path artifact = Path.of("target").resolve(artifactProperties().getProperty("path")).toAbsolutePath();
        List<String> command = new ArrayList<>();
        switch (artifactType()) {
            case "jar" -> command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", artifact.toString()));
            case "native" -> command.add(artifact.toString());
            default -> throw new IllegalStateException("This test runs the jar or the native executable, not a "
                    + artifactType() + "; run it without quarkus.container-image.build");
        }
        return command;
    }

    private static String artifactType() {
        return artifactProperties().getProperty("type");
    }

    private static Properties artifactProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No packaged application: run ./mvnw verify (package runs before this test)",
                    e);
        }
        return properties;
    }
}
