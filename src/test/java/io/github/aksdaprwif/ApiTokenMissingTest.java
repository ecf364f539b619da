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

/** daprd requires an API token and the app sends none: the error names DAPR_API_TOKEN. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "daprd-token", value = "s3cr3t-token") })
class ApiTokenMissingTest {

    @Test
    void theMissingTokenIsReportedWithWhatToSet() {
        assertTokenRejected();
    }

    /**
     * The problem names DAPR_API_TOKEN and never the token. daprd's gRPC API answers a missing and a wrong token
     * alike (UNAUTHENTICATED "Unauthorized"), so the service cannot tell them apart either.
     */
    static void assertTokenRejected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "API_TOKEN_REJECTED".equals(
                when().get("/secret").then().extract().path("reason")));
        when().get("/secret").then().statusCode(503)
                .contentType("application/problem+json")
                .body("grpcStatus", equalTo("UNAUTHENTICATED"))
                .body("detail", containsString("Unauthorized"))
                .body("hint", containsString("DAPR_API_TOKEN"))
                .body(not(containsString("s3cr3t-token")))
                .body(not(containsString("not-the-token")));
        // The health endpoint is exempt from the token: the sidecar itself is up.
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'dapr-sidecar' }.data.sidecar", equalTo("UP"));
    }
}
