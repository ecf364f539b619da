package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** secrets.refresh.interval=0 turns periodic refresh off, and with it the staleness check of readiness. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.refresh.interval", value = "0"),
        @ResourceArg(name = "secrets.max-staleness", value = "1s") })
class RefreshOffTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    void noPeriodicReadAndNoStalenessWhenTheIntervalIsZero() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        String fetchedAt = when().get("/secret").then().extract().path("fetchedAt");
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(fetchedAt, when().get("/secret").then().extract().path("fetchedAt"), "nothing read it again");
        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'dapr-sidecar' }.data.maxStalenessSeconds", nullValue());
        assertTrue(sidecar.appLog().contains("Periodic secret refresh is off"), sidecar.appLog());
    }
}
