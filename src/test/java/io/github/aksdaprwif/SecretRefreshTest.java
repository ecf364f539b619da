package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Held secrets are re-read every second here; a rotation in the store reaches the service, a failed refresh keeps the
 * last good value, readiness drops only once the value is older than the maximum staleness, and refreshes on request
 * are rate-limited. Steps build on each other, so they run in order against one daprd.
 */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.allowed", value = "other,missing-in-store"),
        @ResourceArg(name = "secrets.refresh.interval", value = "1s"),
        @ResourceArg(name = "secrets.max-staleness", value = "6s"),
        @ResourceArg(name = "secrets.refresh.limit", value = "3"),
        @ResourceArg(name = "secrets.refresh.window", value = "1m") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretRefreshTest {

    private static final String ROTATED = "Hello rotated Dapr!";

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    @Order(1)
    void heldSecretsAreReadAgainPeriodically() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        when().get("/secrets/other").then().statusCode(200);
        String first = when().get("/secret").then().extract().path("fetchedAt");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !first.equals(when().get("/secret").then().extract().path("fetchedAt")));
        when().get("/secret").then().body("ageSeconds", greaterThanOrEqualTo(0)).body("status", equalTo("loaded"));
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().contains(
                "secrets_refreshes_total{outcome=\"success\",secret=\"other\",trigger=\"scheduled\"}"));
    }

    @Test
    @Order(2)
    void aRotatedValueIsPickedUpAndLoggedWithFingerprintsOnly() {
        Map<String, String> rotated = new HashMap<>(DaprdResource.SECRETS);
        rotated.put("dapr", ROTATED);
        sidecar.writeSecrets(rotated);
        // local.file reads its file at start: a restart is this store's way to rotate.
        sidecar.stop();
        sidecar.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> ROTATED.equals(when().get("/secret").then().extract().path("value")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("rotated: sha256 8c1785f052ee -> "));
        assertFalse(sidecar.appLog().contains(ROTATED), "the new value must not be logged");
        assertEquals(1, HowToEndToEndTest.count(sidecar.appLog(), "Secret 'dapr' from store 'demo-secret-store' rotated"),
                sidecar.appLog());
        assertTrue(metrics().contains("secrets_rotations_total{secret=\"dapr\"} 1.0"), metrics());
    }

    @Test
    @Order(3)
    void aFailedRefreshKeepsTheValueAndReadinessUntilTheValueIsTooOld() {
        // The secret is deleted from the store while the sidecar keeps running: every re-read fails, the same way on
        // every pod, so readiness holds until the value is older than secrets.max-staleness.
        Map<String, String> deleted = new HashMap<>(DaprdResource.SECRETS);
        deleted.remove("dapr");
        sidecar.writeSecrets(deleted);
        sidecar.stop();
        sidecar.start();
        try {
            failingUntilStale();
        } finally {
            Map<String, String> restored = new HashMap<>(DaprdResource.SECRETS);
            restored.put("dapr", ROTATED);
            sidecar.writeSecrets(restored);
            sidecar.stop();
            sidecar.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> when().get("/q/health/ready").statusCode() == 200);
        when().get("/secret").then().body("status", equalTo("loaded"));
        assertTrue(metrics().contains("secrets_dapr_sidecar_up 1.0"), metrics());
    }

    private void failingUntilStale() {
        // The restart itself fails a refresh or two with SIDECAR_UNREACHABLE; then the store's answer counts.
        await().atMost(Duration.ofSeconds(10)).until(() -> "SECRET_NOT_FOUND".equals(when().get("/secret").then()
                .extract().path("lastError.reason")));
        when().get("/secret").then().statusCode(200)
                .body("status", equalTo("failing"))
                .body("value", equalTo(ROTATED))
                .body("ageSeconds", notNullValue())
                .body("lastError.reason", equalTo("SECRET_NOT_FOUND"))
                .body("lastError.daprErrorCode", equalTo("ERR_SECRET_GET"))
                .body("lastError.hint", notNullValue());
        await().atMost(Duration.ofSeconds(15)).until(() -> when().get("/q/health/ready").statusCode() == 503);
        when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'dapr-sidecar' }.data.sidecar", equalTo("UP"))
                .body("checks.find { it.name == 'dapr-sidecar' }.data.staleSecrets", containsString("dapr"))
                .body("checks.find { it.name == 'dapr-sidecar' }.data.maxStalenessSeconds", equalTo(6));
        when().get("/q/health/live").then().statusCode(200);
        given().when().post("/secret/refresh").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:refresh-failed"))
                .body("reason", equalTo("SECRET_NOT_FOUND"));
    }

    @Test
    @Order(4)
    void aSidecarOutageTakesReadinessDownAtOnceAndRefreshAnswers503() {
        sidecar.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> when().get("/q/health/ready").statusCode() == 503);
            when().get("/secret").then().statusCode(200).body("value", equalTo(ROTATED));
            assertTrue(metrics().contains("secrets_dapr_sidecar_up 0.0"), metrics());
            given().when().post("/secret/refresh").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:refresh-failed"))
                    .body("reason", equalTo("SIDECAR_UNREACHABLE"));
        } finally {
            sidecar.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> when().get("/q/health/ready").statusCode() == 200);
        // The SDK's gRPC channel reconnects with its own backoff; the scheduled refresh shows when reads work again.
        await().atMost(Duration.ofSeconds(60)).until(() -> "loaded".equals(when().get("/secret").then().extract()
                .path("status")));
    }

    @Test
    @Order(5)
    void refreshOnRequestIsRateLimited() {
        // The limit is 3 a minute and steps 3 and 4 used two.
        given().when().post("/secret/refresh").then().statusCode(200)
                .body("secrets.name", hasItem("dapr"))
                .body("secrets.name", hasItem("other"));
        given().when().post("/secret/refresh").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:too-many-refreshes"));
        assertTrue(metrics().contains("secrets_refreshes_total{outcome=\"success\",secret=\"dapr\",trigger=\"manual\"}"),
                metrics());
    }

    @Test
    @Order(6)
    void readsAreMeasuredByOutcomeAndDaprErrorCodeWithoutValues() {
        when().get("/secrets/missing-in-store").then().statusCode(404);
        String metrics = metrics();
        assertTrue(metrics.contains("secrets_dapr_reads_seconds_count{dapr_error_code=\"ERR_SECRET_GET\","
                + "outcome=\"failure\",reason=\"SECRET_NOT_FOUND\",secret=\"missing-in-store\"}"), metrics);
        assertTrue(metrics.contains("secrets_dapr_reads_seconds_count{dapr_error_code=\"none\",outcome=\"success\","
                + "reason=\"none\",secret=\"dapr\"}"), metrics);
        assertTrue(metrics.contains("secrets_age_seconds{secret=\"other\"}"), metrics);
        for (String value : DaprdResource.SECRETS.values()) {
            assertFalse(metrics.contains(value), "a value in the metrics");
        }
        assertFalse(metrics.contains(ROTATED));
    }

    static String metrics() {
        return when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
