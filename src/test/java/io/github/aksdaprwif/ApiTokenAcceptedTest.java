package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** daprd requires an API token and the app sends the right one: the how-to works as without a token. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "daprd-token", value = "s3cr3t-token"),
        @ResourceArg(name = "app-token", value = "s3cr3t-token") })
class ApiTokenAcceptedTest {

    @Test
    void theRightTokenReadsTheSecret() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        when().get("/secret").then().body("value", equalTo("Hello Dapr!"));
        when().get("/q/health/ready").then().statusCode(200);
    }
}
