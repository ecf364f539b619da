package io.github.aksdaprwif;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.github.aksdaprwif.testing.InjectSidecar;
import io.github.aksdaprwif.testing.TestSidecar;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Revealing off, as in prod: no log line, body or health output carries a value, yet the secret is usable. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.reveal", value = "false"),
        @ResourceArg(name = "secrets.allowed", value = "other,missing-in-store") })
class RevealOffTest {

    @InjectSidecar
    TestSidecar sidecar;

    @Test
    void noValueLeavesTheServiceAnywhere() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
        StringBuilder seen = new StringBuilder();
        seen.append(when().get("/secret").then().statusCode(200)
                .body("value", nullValue())
                .body("length", equalTo(11))
                .body("fingerprint", equalTo("8c1785f052ee"))
                .extract().asString());
        seen.append(when().get("/secrets/other").then().statusCode(200).body("value", nullValue()).extract().asString());
        seen.append(when().get("/secrets/dapr").then().statusCode(200).extract().asString());
        seen.append(when().get("/secrets/missing-in-store").then().statusCode(404).extract().asString());
        seen.append(when().get("/secrets/scoped-out").then().statusCode(404).extract().asString());
        for (String health : new String[] { "/q/health", "/q/health/ready", "/q/health/started", "/q/health/live" }) {
            seen.append(when().get(health).then().extract().asString());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.appLog().contains("Fetched Secret: <hidden>"));
        seen.append(sidecar.appLog());

        assertTrue(sidecar.appLog().contains("Fetched Secret: <hidden> (secret 'dapr' from store 'demo-secret-store', "
                + "11 characters, sha256 8c1785f052ee"), sidecar.appLog());
        for (String value : DaprdResource.SECRETS.values()) {
            assertFalse(seen.toString().contains(value), "a secret value leaked: " + value);
        }
    }
}
