package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

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
 * The app starts before its sidecar, waits, loads; then the sidecar goes away and comes back. Steps depend on each
 * other, so they run in order against one daprd.
 */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "start", value = "false"),
        @ResourceArg(name = "secrets.allowed", value = "other"),
        @ResourceArg(name = "secrets.reveal", value = "true"),
        @ResourceArg(name = "secrets.retry.initial-delay", value = "50ms"),
        @ResourceArg(name = "secrets.retry.max-delay", value = "200ms") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SidecarLifecycleTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    @Order(1)
    void withoutASidecarTheAppAnswersAtOnceAndSaysWhy() {
        when().get("/secret").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:secret-not-loaded"))
                .body("reason", equalTo("SIDECAR_UNREACHABLE"))
                .body("hint", notNullValue());
        when().get("/q/health/started").then().statusCode(503);
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'dapr-sidecar' }.data.sidecar", equalTo("DOWN"));
        when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void retriesLogTheSameFailureOnce() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> when().get("/secret").then().extract().path("detail").toString().contains("attempts"));
        // At 50-200 ms backoff a few seconds hold dozens of retries; the log must still hold one line.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(1, HowToEndToEndTest.count(sidecar.appLog(), "Cannot read secret 'dapr' from store "
                + "'demo-secret-store': SIDECAR_UNREACHABLE"), sidecar.appLog());
    }

    @Test
    @Order(3)
    void aSidecarThatStartsLateIsPickedUp() {
        sidecar.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        when().get("/secret").then().body("value", equalTo("Hello Dapr!")).body("status", equalTo("loaded"));
        when().get("/q/health/started").then().statusCode(200);
        when().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("Fetched Secret: Hello Dapr!"));
    }

    @Test
    @Order(4)
    void aSidecarOutageKeepsTheLastValueAndOnlyReadinessGoesDown() {
        sidecar.stop();
        when().get("/secret").then().statusCode(200).body("value", equalTo("Hello Dapr!"));
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'dapr-sidecar' }.data.sidecar", equalTo("DOWN"));
        when().get("/q/health/live").then().statusCode(200);
        when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    @Order(5)
    void readinessReturnsWithTheSidecar() {
        sidecar.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/q/health/ready").statusCode() == 200);
        when().get("/secret").then().statusCode(200).body("value", equalTo("Hello Dapr!"));
        // A first read after the restart goes through the SDK's gRPC channel, which must have reconnected.
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secrets/other").statusCode() == 200);
        when().get("/secrets/other").then().body("value", equalTo("Other value 42"));
    }
}
