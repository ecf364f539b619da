package io.github.aksdaprwif;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * Requests no client should send, with revealing off as in prod: each gets a clear status, problem+json wherever the
 * request reaches the application at all, and never a stack trace or a value.
 */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "secrets.reveal", value = "false"),
        @ResourceArg(name = "secrets.allowed", value = "other"),
        @ResourceArg(name = "secrets.refresh.limit", value = "1000") })
class HostileInputTest {

    private static final String INVALID_NAME = "urn:aks-dapr-wif-secrets:problem:invalid-secret-name";

    @BeforeEach
    void secretLoaded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/secret").statusCode() == 200);
    }

    @Test
    void overLongNamesAndPathsAreRefused() {
        problem(raw("/secrets/" + "n".repeat(128)), 400).body("type", equalTo(INVALID_NAME));
        problem(raw("/secrets/" + "n".repeat(3000)), 400).body("type", equalTo(INVALID_NAME));
        problem(raw("/" + "p".repeat(3000)), 404);
        problem(raw("/secrets/" + "a/".repeat(1000) + "b"), 400).body("type", equalTo(INVALID_NAME));
        // Over quarkus.http.limits.max-initial-line-length (4096) Vert.x refuses the request line before routing.
        raw("/secrets/" + "n".repeat(5000)).statusCode(414);
    }

    @Test
    void percentEncodedSlashesAndDotSegmentsAreBadNames() {
        for (String path : new String[] { "/secrets/%2F", "/secrets/a%2Fb", "/secrets/%2e%2e%2fsecret", "/secrets/..%2f..",
                "/secrets/%2E", "/secrets/a%5Cb", "/secrets/%252e%252e" }) {
            ValidatableResponse response = raw(path);
            if (path.contains("%25")) {
                // Double-encoded: decodes once to the literal name "%2e%2e", a name no one allowed.
                problem(response, 404);
            } else {
                problem(response, 400).body("type", equalTo(INVALID_NAME));
            }
        }
    }

    @Test
    void controlCharactersAreBadNames() {
        for (String c : new String[] { "%00", "%07", "%0A", "%0D", "%1B", "%7F", "%C2%85", "%C2%9A" }) {
            problem(raw("/secrets/a" + c + "b"), 400).body("type", equalTo(INVALID_NAME));
        }
    }

    @Test
    void unicodeNamesAreAnsweredWithoutAskingTheSidecar() throws IOException {
        for (String name : new String[] { "%E2%82%AC", "%F0%9F%94%91", "%E5%AF%86%E7%A0%81", "%C0%AF", "%FF%FE",
                "%EF%BB%BFdapr" }) {
            problem(raw("/secrets/" + name), 404)
                    .body("type", equalTo("urn:aks-dapr-wif-secrets:problem:secret-not-allowed"));
        }
        // A malformed escape cannot be decoded at all; Vert.x refuses it before routing. No HTTP client sends one.
        assertEquals(400, rawStatus("/secrets/%ZZ"));
        assertEquals(400, rawStatus("/secrets/%"));
    }

    @Test
    void hugeHeadersAreRefusedAndLargeOnesServed() {
        given().header("X-Large", "v".repeat(10_000)).when().get("/secret").then().statusCode(200);
        // Over quarkus.http.limits.max-header-size (20K) Vert.x refuses the request before routing.
        given().header("X-Huge", "v".repeat(30_000)).when().get("/secret").then().statusCode(431);
        when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void bodiesAreNeitherNeededNorHarmful() {
        given().contentType("application/json").body("").when().post("/secret/refresh").then().statusCode(200);
        given().when().post("/secret/refresh").then().statusCode(200);
        given().contentType("application/json").body("{\"unexpected\":").when().post("/secret/refresh").then()
                .statusCode(200);
        given().contentType("application/octet-stream").body(new byte[11 * 1024 * 1024]).when()
                .post("/secret/refresh").then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().get("/secret").then().statusCode(200);
    }

    @Test
    void wrongMethodsAndUnknownRoutesAnswerProblemJsonWithAllow() {
        problem(given().when().delete("/secret").then(), 405).header("Allow", "GET, HEAD");
        problem(given().when().get("/secret/refresh").then(), 405).header("Allow", "POST");
        problem(given().when().put("/secrets/other").then(), 405).header("Allow", "GET, HEAD");
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            problem(given().when().post(path).then(), 405).header("Allow", "GET, HEAD");
        }
        problem(raw("/q/nope"), 404);
        problem(raw("/q/health/nope"), 404);
        given().when().options("/secret/refresh").then().statusCode(204).header("Allow", "POST, OPTIONS");
    }

    /** The status of a request sent byte for byte, for request lines no HTTP client library would send. */
    private static int rawStatus(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static ValidatableResponse raw(String path) {
        return given().urlEncodingEnabled(false).when().get(path).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        String body = response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .extract().asString();
        for (String value : DaprdResource.SECRETS.values()) {
            assertFalse(body.contains(value), "a value in " + body);
        }
        return response;
    }
}
