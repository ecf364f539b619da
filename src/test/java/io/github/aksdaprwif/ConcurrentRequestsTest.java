package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bursts of concurrent requests on loopback: one Dapr call for a burst of first requests, and no collapse without a sidecar. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.allowed", value = "other,never-loaded") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentRequestsTest {

    @InjectSidecar
    TestSidecar sidecar;

    @TestHTTPResource("/")
    URL base;

    @Test
    @Order(1)
    void concurrentFirstRequestsForOneSecretMakeOneDaprCall() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        long before = sidecar.storeReads();
        Map<Integer, Integer> statuses = burst(200, "/secrets/other");
        assertEquals(Map.of(200, 200), statuses);
        assertEquals(1, sidecar.storeReads() - before, "daprd's own count of store reads");
        assertTrue(SecretRefreshTest.metrics().contains("secrets_dapr_reads_seconds_count{dapr_error_code=\"none\","
                + "outcome=\"success\",reason=\"none\",secret=\"other\"} 1.0"), "the app's own count");
    }

    @Test
    @Order(2)
    void aThousandConcurrentRequestsWithoutASidecarAreAnsweredAndTheServiceStaysUp() throws Exception {
        sidecar.stop();
        try {
            long start = System.nanoTime();
            Map<Integer, Integer> statuses = burst(1000, "/secret", "/secrets/never-loaded", "/secrets/other",
                    "/q/health/ready");
            System.out.printf("1000 concurrent requests without a sidecar: %s in %d ms%n", statuses,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals(1000, statuses.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
            when().get("/secrets/never-loaded").then().statusCode(503).contentType("application/problem+json");
            when().get("/secret").then().statusCode(200);
            when().get("/q/health/live").then().statusCode(200);
        } finally {
            sidecar.start();
        }
    }

    /** Sends {@code count} requests at once, round-robin over the paths, and counts the answers by status. */
    private Map<Integer, Integer> burst(int count, String... paths) throws Exception {
        var executor = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            URI root = base.toURI();
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest request = HttpRequest.newBuilder(root.resolve(paths[i % paths.length]))
                        .timeout(Duration.ofSeconds(60)).build();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode));
            }
            // Bounds a hang, measures nothing: the benchmark under bench/ does that.
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            Map<Integer, Integer> statuses = new TreeMap<>();
            answers.forEach(a -> statuses.merge(a.join(), 1, Integer::sum));
            return statuses;
        } finally {
            executor.shutdownNow();
        }
    }
}
