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

/** The store has no secret of the configured name: Dapr's ERR_SECRET_GET, told apart from a failing store. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.startup-secret", value = "not-in-the-vault") })
class StartupSecretMissingTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    void anUnknownSecretIsReportedAsNotFound() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "SECRET_NOT_FOUND".equals(
                when().get("/secret").then().extract().path("reason")));
        when().get("/secret").then().statusCode(503)
                .contentType("application/problem+json")
                .body("daprErrorCode", equalTo("ERR_SECRET_GET"))
                .body("secret", equalTo("not-in-the-vault"))
                .body("detail", containsString("not-in-the-vault"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("SECRET_NOT_FOUND ERR_SECRET_GET"));
    }
}
