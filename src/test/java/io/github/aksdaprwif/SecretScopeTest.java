package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A Dapr Configuration scopes the store to 'other': the how-to's secret is denied by the sidecar itself. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "allowed-secrets", value = "other"),
        @ResourceArg(name = "secrets.reveal", value = "true"),
        @ResourceArg(name = "secrets.allowed", value = "other,scoped-out") })
class SecretScopeTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    void aSecretDeniedByScopeKeepsTheStartupSecretWaiting() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "PERMISSION_DENIED".equals(
                when().get("/secret").then().extract().path("reason")));
        when().get("/secret").then().statusCode(503)
                .body("daprErrorCode", equalTo("ERR_PERMISSION_DENIED"))
                .body("grpcStatus", equalTo("PERMISSION_DENIED"))
                .body("hint", containsString("allowedSecrets"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("ERR_PERMISSION_DENIED"));
    }

    @Test
    void aDeniedSecretIsForbiddenAndAnAllowedOneIsServed() {
        when().get("/secrets/scoped-out").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:permission-denied"))
                .body("daprErrorCode", equalTo("ERR_PERMISSION_DENIED"))
                .body(not(containsString("Never to be shown")));
        when().get("/secrets/other").then().statusCode(200).body("value", equalTo("Other value 42"));
    }
}
