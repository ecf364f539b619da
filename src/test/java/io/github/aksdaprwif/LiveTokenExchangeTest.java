package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.aksdaprwif.testing.FakeEntraId;
import io.github.aksdaprwif.testing.FakeEntraIdFixture;
import io.github.aksdaprwif.testing.FakeEntraIdResource;
import io.github.aksdaprwif.testing.InjectFakeEntraId;
import io.github.aksdaprwif.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The live check against a local HTTPS token endpoint: azure-identity's WorkloadIdentityCredential sends the
 * exchange the sidecar would send, and GET /identity and the health group say what came back (a token, AADSTS70021,
 * no answer in time). The readiness switch is on here, so readiness carries the same verdict.
 */
@QuarkusTest
@WithTestResource(value = FakeEntraIdResource.class, initArgs = {
        @ResourceArg(name = "identity.live.enabled", value = "true"),
        @ResourceArg(name = "identity.live.interval", value = "4s"),
        @ResourceArg(name = "identity.live.timeout", value = "1s"),
        // Left on, MSAL asks login.microsoftonline.com about this unknown authority host first (no DNS here).
        @ResourceArg(name = "identity.live.instance-discovery", value = "false"),
        @ResourceArg(name = "identity.health.readiness", value = "true") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveTokenExchangeTest {

    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final String GROUP = "/q/health/group/workload-identity";

    @InjectFakeEntraId
    FakeEntraIdFixture fixture;

    @Test
    @Order(1)
    void aWorkingFederationYieldsAKeyVaultTokenAndPasses() {
        FakeEntraId entra = fixture.entra();
        entra.mode(FakeEntraId.Mode.ISSUE_TOKEN);
        JsonPath identity = awaitLive(j -> "succeeded".equals(j.getString("live.state")));

        assertEquals("pass", identity.getString("status"), identity.prettify());
        assertTrue(identity.getString("summary").contains("Entra ID issued a token for https://vault.azure.net/"
                + ".default"), identity.getString("summary"));
        assertEquals("pass", verdict(identity, "token-exchange"));
        assertTrue(identity.getString("live.accessTokenExpiresAt") != null, identity.prettify());
        assertEquals(entra.requests(), entra.tokenRequests(), "with instance discovery off, only the token request");

        FakeEntraId.Request request = entra.tokenRequests().get(entra.tokenRequests().size() - 1);
        assertEquals("POST", request.method());
        assertEquals("/" + FakeEntraIdResource.TENANT_ID + "/oauth2/v2.0/token", request.path());
        Map<String, String> form = request.form();
        assertEquals("client_credentials", form.get("grant_type"), form.toString());
        assertEquals(FakeEntraIdResource.CLIENT_ID, form.get("client_id"));
        // MSAL adds the OIDC scopes (openid profile offline_access) to the one asked for.
        assertTrue(List.of(form.get("scope").split(" ")).contains("https://vault.azure.net/.default"),
                form.get("scope"));
        assertEquals(fixture.projectedToken(), form.get("client_assertion"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));

        when().get(GROUP).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("workload-identity"))
                .body("checks[0].data.status", equalTo("pass"))
                .body("checks[0].data.token-exchange", equalTo("pass"));
        when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'workload-identity' }.status", equalTo("UP"));
    }

    @Test
    @Order(2)
    void exchangesHappenAtMostOncePerInterval() {
        FakeEntraId entra = fixture.entra();
        awaitLive(j -> "succeeded".equals(j.getString("live.state")));
        // A bound that holds however slow the machine is: over any span, at most one exchange per interval begun,
        // plus the one under way, however many requests ask for the verdict meanwhile.
        int before = entra.tokenRequests().size();
        Instant start = Instant.now();
        int calls = 0;
        while (calls < 40 && Duration.between(start, Instant.now()).compareTo(INTERVAL.multipliedBy(2)) < 0) {
            identity();
            when().get(GROUP).then().statusCode(200);
            calls += 2;
        }
        Duration span = Duration.between(start, Instant.now());
        int exchanges = entra.tokenRequests().size() - before;
        long allowed = span.toMillis() / INTERVAL.toMillis() + 1;
        assertTrue(exchanges <= allowed, exchanges + " exchanges in " + span + " with interval " + INTERVAL);
        assertTrue(calls > exchanges, calls + " verdicts asked, " + exchanges + " exchanges: the result is cached");
    }

    @Test
    @Order(3)
    void aadsts70021IsReportedWithTheIssuerAndSubjectToCompare() {
        fixture.entra().mode(FakeEntraId.Mode.AADSTS70021);
        JsonPath identity = awaitLive(j -> "AADSTS70021".equals(j.getString("live.failure.aadsts")));

        assertEquals("fail", identity.getString("status"), identity.prettify());
        assertEquals("fail", verdict(identity, "token-exchange"));
        assertTrue(identity.getString("summary").startsWith("token-exchange: "), identity.getString("summary"));
        String fix = check(identity, "token-exchange").get("fix");
        assertTrue(fix.contains(TestTokens.ISSUER) && fix.contains(TestTokens.SUBJECT), fix);
        assertEquals("aadsts", identity.getString("live.failure.kind"));
        assertTrue(identity.getString("live.failure.message").startsWith("AADSTS70021: No matching federated"),
                identity.getString("live.failure.message"));
        assertEquals(TestTokens.ISSUER, identity.getString("token.issuer"));
        assertEquals(TestTokens.SUBJECT, identity.getString("token.subject"));

        when().get(GROUP).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.status", equalTo("fail"))
                .body("checks[0].data.token-exchange", equalTo("fail"))
                .body("checks[0].data.aadsts", equalTo("AADSTS70021"))
                .body("checks[0].data.subject", equalTo("pass"))
                .body("checks[0].data.tokenSubject", equalTo(TestTokens.SUBJECT))
                .body("checks[0].data.fix", containsString(TestTokens.SUBJECT));
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'workload-identity' }.status", equalTo("DOWN"));
    }

    @Test
    @Order(4)
    void anEndpointThatDoesNotAnswerInTimeIsATimeout() {
        fixture.entra().mode(FakeEntraId.Mode.STALL);
        JsonPath identity = awaitLive(j -> "timeout".equals(j.getString("live.failure.kind")));

        assertEquals("fail", identity.getString("status"), identity.prettify());
        assertEquals("fail", verdict(identity, "token-exchange"));
        assertTrue(identity.getString("live.failure.hint").contains("did not answer within 1000 ms"),
                identity.getString("live.failure.hint"));
        assertTrue(identity.getLong("live.durationMs") >= 900, identity.prettify());
        when().get(GROUP).then().statusCode(503)
                .body("checks[0].data.token-exchange", equalTo("fail"))
                .body("checks[0].data.fix", containsString("egress"));
        fixture.entra().mode(FakeEntraId.Mode.ISSUE_TOKEN);
    }

    @Test
    @Order(5)
    void neitherTokenEverLeavesTheService() {
        StringBuilder seen = new StringBuilder();
        seen.append(identity().prettify());
        for (String health : new String[] { GROUP, "/q/health", "/q/health/ready", "/q/health/live" }) {
            seen.append(when().get(health).then().extract().asString());
        }
        String log = fixture.appLog();
        assertTrue(log.contains("Workload identity token exchange for https://vault.azure.net/.default failed "
                + "(aadsts): AADSTS70021"), "one classified line per outcome is logged:\n" + log);
        seen.append(log);

        assertFalse(seen.toString().contains(FakeEntraId.ACCESS_TOKEN), "the access token leaked");
        assertFalse(seen.toString().contains(fixture.projectedToken()), "the projected token leaked");
        assertFalse(seen.toString().contains(TestTokens.signatureOf(fixture.projectedToken())),
                "the projected token's signature leaked");
        given().when().get("/identity").then().body(not(containsString("\tat "))).body(not(containsString("at com.")))
                .body("checkedAt", notNullValue()).body("tokenFile.size", greaterThanOrEqualTo(1));
    }

    private static JsonPath identity() {
        return when().get("/identity").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** Waits for the next exchange (due after the interval) to show the expected outcome. */
    private static JsonPath awaitLive(java.util.function.Predicate<JsonPath> outcome) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = identity();
            return outcome.test(last[0]);
        });
        return last[0];
    }

    private static String verdict(JsonPath identity, String name) {
        return check(identity, name).get("verdict");
    }

    private static Map<String, String> check(JsonPath identity, String name) {
        return identity.getMap("checks.find { it.name == '" + name + "' }");
    }
}
