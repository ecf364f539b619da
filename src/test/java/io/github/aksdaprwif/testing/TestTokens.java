package io.github.aksdaprwif.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crafts JWTs shaped like the projected service account tokens the kubelet writes. The signature is HS256 with a
 * test key (or none at all): the service never verifies it, Entra ID does.
 */
public final class TestTokens {

    public static final String ISSUER = "https://oidc.prod-aks.azure.com/00000000-1111-2222-3333-444444444444/";
    public static final String AUDIENCE = "api://AzureADTokenExchange";
    public static final String NAMESPACE = "default";
    public static final String SERVICE_ACCOUNT = "workload-identity-sa";
    public static final String SUBJECT = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;
    private static final byte[] KEY = "test-only-hs256-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private TestTokens() {
    }

    /** A token as the webhook's projection would hold it, valid for another hour. */
    public static String valid(Instant now) {
        return signed(payload(ISSUER, SUBJECT, json(AUDIENCE), now.minusSeconds(60), now.plusSeconds(3600)));
    }

    /** The claims as JSON; {@code audienceJson} is already JSON (a string or an array), null to leave it out. */
    public static String payload(String issuer, String subject, String audienceJson, Instant issuedAt,
            Instant expiresAt) {
        return Stream.of(
                issuer == null ? null : "\"iss\":" + json(issuer),
                subject == null ? null : "\"sub\":" + json(subject),
                audienceJson == null ? null : "\"aud\":" + audienceJson,
                issuedAt == null ? null : "\"iat\":" + issuedAt.getEpochSecond(),
                expiresAt == null ? null : "\"exp\":" + expiresAt.getEpochSecond(),
                "\"kubernetes.io\":{\"namespace\":\"default\",\"serviceaccount\":{\"name\":\"workload-identity-sa\"}}")
                .filter(s -> s != null).collect(Collectors.joining(",", "{", "}"));
    }

    public static String signed(String payloadJson) {
        String signingInput = part("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test\"}") + "." + part(payloadJson);
        return signingInput + "." + hs256(signingInput);
    }

    public static String unsigned(String payloadJson) {
        return part("{\"alg\":\"none\"}") + "." + part(payloadJson) + ".";
    }

    /** The signature part of a token: tests assert it never shows up anywhere. */
    public static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    public static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
