package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The app asks for a store the sidecar has not loaded: Dapr's ERR_SECRET_STORE_NOT_FOUND, with what to check. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.store", value = "no-such-store"),
        @ResourceArg(name = "secrets.allowed", value = "other") })
class SecretStoreFailuresTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    void anUnknownStoreKeepsTheStartupSecretWaitingWithDaprsCode() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "STORE_NOT_FOUND".equals(
                when().get("/secret").then().extract().path("reason")));
        when().get("/secret").then().statusCode(503)
                .contentType("application/problem+json")
                .body("daprErrorCode", equalTo("ERR_SECRET_STORE_NOT_FOUND"))
                .body("grpcStatus", equalTo("INVALID_ARGUMENT"))
                .body("store", equalTo("no-such-store"))
                .body("hint", containsString("scopes"));
        when().get("/q/health/started").then().statusCode(503)
                .body("checks[0].data.lastError", equalTo("STORE_NOT_FOUND ERR_SECRET_STORE_NOT_FOUND"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("ERR_SECRET_STORE_NOT_FOUND"));
    }

    @Test
    void anUnknownStoreIsABadGatewayForSecretsReadOnRequest() {
        when().get("/secrets/other").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:store-not-found"))
                .body("daprErrorCode", equalTo("ERR_SECRET_STORE_NOT_FOUND"));
    }
}
