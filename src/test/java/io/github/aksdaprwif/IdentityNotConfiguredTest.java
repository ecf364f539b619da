package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outside Kubernetes no AZURE_* variable is set: /identity and the health group say "not configured" with the fix,
 * cleanly, and the app's readiness does not depend on it by default.
 */
@QuarkusTest
@WithTestResource(DaprdResource.class)
class IdentityNotConfiguredTest {

    @Test
    void identitySaysNotConfiguredAndWhichLabelIsMissing() {
        when().get("/identity").then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("not-configured"))
                .body("summary", containsString("azure.workload.identity/use"))
                .body("environment.AZURE_CLIENT_ID", nullValue())
                .body("environment.AZURE_FEDERATED_TOKEN_FILE", nullValue())
                .body("tokenFile.status", equalTo("not-set"))
                .body("token", nullValue())
                .body("checks.find { it.name == 'environment' }.verdict", equalTo("fail"))
                .body("checks.find { it.name == 'environment' }.fix", containsString("azure.workload.identity/use"))
                .body("checks.findAll { it.name != 'environment' }.verdict", everyItem(equalTo("skip")))
                .body("live.state", equalTo("disabled"))
                .body(not(containsString("\tat ")))
                .body(not(containsString("Exception")));
    }

    @Test
    void theHealthGroupIsDownButReadinessIgnoresIt() {
        when().get("/q/health/group/workload-identity").then().statusCode(503)
                .body("checks[0].name", equalTo("workload-identity"))
                .body("checks[0].status", equalTo("DOWN"))
                .body("checks[0].data.status", equalTo("not-configured"))
                .body("checks[0].data.fix", containsString("azure.workload.identity/use"));
        when().get("/q/health/ready").then()
                .body("checks.name", not(hasItem("workload-identity")));
        when().get("/q/health").then()
                .body("checks.name", not(hasItem("workload-identity")));
    }

    @Test
    void identityAnswersOnlyJsonAndGet() {
        given().accept("text/plain").when().get("/identity").then().statusCode(406)
                .contentType("application/problem+json");
        when().delete("/identity").then().statusCode(405).contentType("application/problem+json");
    }
}
