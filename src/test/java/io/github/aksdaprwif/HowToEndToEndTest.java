package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The how-to's scenario against a real daprd: the app reads secret 'dapr' from 'demo-secret-store' and says so. */
@QuarkusTest
// Revealing is asked for, not taken from the test profile: HowToEndToEndIT runs the packaged app in the prod profile.
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.reveal", value = "true"),
        @ResourceArg(name = "secrets.allowed", value = "other,missing-in-store") })
class HowToEndToEndTest {

    @InjectSidecar
    TestSidecar sidecar;

    @BeforeEach
    void secretLoaded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
    }

    @Test
    void logsTheLineTheHowToPromises() {
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("Fetched Secret: Hello Dapr!"));
        assertEquals(1, count(sidecar.appLog(), "Fetched Secret:"), "the secret is announced once");
    }

    @Test
    void servesTheStartupSecretWithItsState() {
        when().get("/secret").then().statusCode(200)
                .contentType("application/json")
                .body("store", equalTo("demo-secret-store"))
                .body("name", equalTo("dapr"))
                .body("status", equalTo("loaded"))
                .body("value", equalTo("Hello Dapr!"))
                .body("length", equalTo(11))
                .body("fingerprint", equalTo("8c1785f052ee"))
                .body("fetchedAt", notNullValue())
                .body("lastError", nullValue());
    }

    @Test
    void healthIsUpOnceTheSecretIsLoaded() {
        when().get("/q/health/started").then().statusCode(200).body("checks[0].name", equalTo("startup-secret"))
                .body("checks[0].status", equalTo("UP"));
        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'dapr-sidecar' }.data.sidecar", equalTo("UP"))
                .body("checks.find { it.name == 'dapr-sidecar' }.data.secret", equalTo("dapr"))
                .body(not(containsString("Hello Dapr!")));
        when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void readsAnAllowListedSecretThroughDapr() {
        when().get("/secrets/other").then().statusCode(200)
                .body("name", equalTo("other"))
                .body("value", equalTo("Other value 42"))
                .body("status", equalTo("loaded"));
    }

    @Test
    void theStartupSecretIsAlsoReachableByName() {
        when().get("/secrets/dapr").then().statusCode(200).body("value", equalTo("Hello Dapr!"));
    }

    @Test
    void aNameOutsideTheAllowListIsNotFoundWithoutAskingDapr() {
        String daprdLogBefore = sidecar.daprdLog();
        when().get("/secrets/scoped-out").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:secret-not-allowed"))
                .body("status", equalTo(404))
                .body(not(containsString("Never to be shown")));
        assertEquals(daprdLogBefore, sidecar.daprdLog(), "daprd saw no request");
    }

    @Test
    void anAllowListedSecretTheStoreLacksIsNotFoundWithDaprsCode() {
        when().get("/secrets/missing-in-store").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:secret-not-found"))
                .body("daprErrorCode", equalTo("ERR_SECRET_GET"))
                .body("grpcStatus", equalTo("INTERNAL"))
                .body("detail", containsString("missing-in-store"))
                .body("hint", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void aNameTheStoreLacksCostsOneReadPerRetryDelayAndNeverFailsARefresh() {
        long readsBefore = sidecar.storeReads();
        java.time.Instant start = java.time.Instant.now();
        for (int i = 0; i < 50; i++) {
            when().get("/secrets/missing-in-store").then().statusCode(404);
        }
        long elapsedMillis = Duration.between(start, java.time.Instant.now()).toMillis();
        long reads = sidecar.storeReads() - readsBefore;
        // secrets.retry.initial-delay (500 ms) holds a failed first read; the bound holds however slow the machine.
        assertTrue(reads <= elapsedMillis / 500 + 2, reads + " reads for 50 requests in " + elapsedMillis + " ms");
        given().when().post("/secret/refresh").then().statusCode(200)
                .body("secrets.name", not(hasItem("missing-in-store")));
    }

    @Test
    void namesNoStoreAcceptsAreBadRequests() {
        for (String path : new String[] { "/secrets/", "/secrets/a%2Fb", "/secrets/a%2fb%2f..", "/secrets/a%00b",
                "/secrets/a%0Ab", "/secrets/" + "x".repeat(128), "/secrets/%20%20", "/secrets/..%5Cetc" }) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:invalid-secret-name"))
                    .body("status", equalTo(400));
        }
    }

    @Test
    void dotDotSegmentsAreBadRequestsNotRerouted() {
        for (String path : new String[] { "/secrets/%2E%2E", "/secrets/%2e%2e/secret", "/secrets/../secret" }) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:invalid-secret-name"));
        }
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblemJson() {
        when().get("/nope").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        when().delete("/secret").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
        given().accept("text/plain").when().get("/secret").then().statusCode(406)
                .contentType("application/problem+json");
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }
}
