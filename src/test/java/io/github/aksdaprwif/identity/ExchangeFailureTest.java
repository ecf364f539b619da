package io.github.aksdaprwif.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.TestTokens;

/** Entra ID's AADSTS codes and network failures become one kind, one code and one hint each. */
class ExchangeFailureTest {

    private static final ExchangeFailure.Context CONTEXT = new ExchangeFailure.Context(
            "11111111-2222-3333-4444-555555555555", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            "https://login.microsoftonline.com/", TestTokens.ISSUER, TestTokens.SUBJECT, Duration.ofSeconds(10));

    @Test
    void aadsts70021ShowsTheTokensIssuerAndSubjectToCompare() {
        ExchangeFailure failure = classify("AADSTS70021: No matching federated identity record found for presented "
                + "assertion. Assertion Issuer: 'https://oidc.example/'.\r\nTrace ID: 1234");

        assertEquals("aadsts", failure.kind());
        assertEquals("AADSTS70021", failure.aadsts());
        assertTrue(failure.message().startsWith("AADSTS70021: No matching federated identity record"),
                failure.message());
        assertFalse(failure.message().contains("Trace ID"), "only the first line: " + failure.message());
        assertTrue(failure.hint().contains(TestTokens.ISSUER), failure.hint());
        assertTrue(failure.hint().contains(TestTokens.SUBJECT), failure.hint());
        assertTrue(failure.hint().contains("trailing '/'"), failure.hint());
    }

    @Test
    void eachKnownCodeHasItsOwnHint() {
        assertTrue(classify("AADSTS700211: No matching federated identity record found for presented assertion "
                + "issuer").hint().contains("oidcIssuerProfile.issuerUrl"));
        assertTrue(classify("AADSTS700213: No matching federated identity record found for presented assertion "
                + "subject").hint().contains("subject '" + TestTokens.SUBJECT + "'"));
        assertTrue(classify("AADSTS90061: Request to External OIDC endpoint failed.").hint()
                .contains("--enable-oidc-issuer"));
        assertTrue(classify("AADSTS700016: Application with identifier '1111' was not found in the directory")
                .hint().contains("client id 11111111-2222-3333-4444-555555555555"));
        ExchangeFailure other = classify("AADSTS7000215: Invalid client secret provided.");
        assertEquals("AADSTS7000215", other.aadsts());
        assertTrue(other.hint().contains("error?code=7000215"), other.hint());
    }

    @Test
    void theCodeIsFoundAnywhereInTheCauseChain() {
        RuntimeException wrapped = new IllegalStateException("Failed to acquire token",
                new RuntimeException("invalid_request: AADSTS70021: No matching federated identity record"));

        ExchangeFailure failure = ExchangeFailure.classify(wrapped, CONTEXT);

        assertEquals("AADSTS70021", failure.aadsts());
        assertTrue(failure.message().startsWith("AADSTS70021"), failure.message());
    }

    @Test
    void anythingTokenLikeInAMessageIsRedacted() {
        String token = TestTokens.valid(java.time.Instant.now());
        ExchangeFailure failure = classify("AADSTS50027: JWT token is invalid: " + token + " Bearer abcdefgh12345678");

        assertFalse(failure.message().contains(token), failure.message());
        assertFalse(failure.message().contains(TestTokens.signatureOf(token)), failure.message());
        assertFalse(failure.message().contains("abcdefgh12345678"), failure.message());
        assertTrue(failure.message().contains("<redacted>"), failure.message());
    }

    @Test
    void networkFailuresAreNamedWithoutAnAadstsCode() {
        ExchangeFailure timeout = ExchangeFailure.classify(new UncheckedIOException(
                new HttpTimeoutException("request timed out")), CONTEXT);
        ExchangeFailure refused = ExchangeFailure.classify(new RuntimeException(
                new ConnectException("Connection refused")), CONTEXT);
        ExchangeFailure tls = ExchangeFailure.classify(new RuntimeException(
                new SSLHandshakeException("PKIX path building failed")), CONTEXT);
        ExchangeFailure other = ExchangeFailure.classify(new IllegalArgumentException("odd"), CONTEXT);

        assertEquals("timeout", timeout.kind());
        assertTrue(timeout.hint().contains("10000 ms"), timeout.hint());
        assertEquals("unreachable", refused.kind());
        assertEquals("tls", tls.kind());
        assertTrue(tls.hint().contains("identity.live.tls-configuration-name"), tls.hint());
        assertEquals("other", other.kind());
        assertEquals("IllegalArgumentException: odd", other.message());
        for (ExchangeFailure failure : new ExchangeFailure[] { timeout, refused, tls, other }) {
            assertNull(failure.aadsts());
        }
    }

    private static ExchangeFailure classify(String message) {
        return ExchangeFailure.classify(new RuntimeException(new IOException(message)), CONTEXT);
    }
}
