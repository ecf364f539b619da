package io.github.aksdaprwif.identity;

import static io.github.aksdaprwif.testing.TestTokens.AUDIENCE;
import static io.github.aksdaprwif.testing.TestTokens.ISSUER;
import static io.github.aksdaprwif.testing.TestTokens.SUBJECT;
import static io.github.aksdaprwif.testing.TestTokens.json;
import static io.github.aksdaprwif.testing.TestTokens.payload;
import static io.github.aksdaprwif.testing.TestTokens.signed;
import static io.github.aksdaprwif.testing.TestTokens.unsigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.aksdaprwif.identity.TokenFileState.Status;
import io.github.aksdaprwif.testing.TestTokens;

/** The static checks on crafted token files: each rule, and never the raw token or its signature in the result. */
class ProjectedTokenChecksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    @TempDir
    Path dir;

    private final ProjectedTokenReader reader = new ProjectedTokenReader(65536);
    private final IdentityChecks rules = new IdentityChecks(AUDIENCE);

    @Test
    void aValidTokenPassesEveryCheckAndShowsItsClaimsOnly() throws IOException {
        String token = TestTokens.valid(NOW);
        Path file = write(token);

        TokenInspection inspection = reader.inspect(file.toString());
        Map<String, Check> checks = evaluate(env(file), inspection);

        for (Check check : checks.values()) {
            assertEquals(Verdict.PASS, check.verdict(), check.toString());
            assertNull(check.fix(), check.toString());
        }
        ProjectedToken claims = inspection.token();
        assertEquals(ISSUER, claims.issuer());
        assertEquals(SUBJECT, claims.subject());
        assertEquals(List.of(AUDIENCE), claims.audience());
        assertEquals(NOW.minusSeconds(60), claims.issuedAt());
        assertEquals(3600L, claims.secondsLeft(NOW));
        assertEquals(Status.READ, inspection.file().status());
        assertEquals((long) token.length(), inspection.file().size());
        String everything = inspection + " " + checks;
        assertFalse(everything.contains(token), "the raw token leaked");
        assertFalse(everything.contains(TestTokens.signatureOf(token)), "the signature leaked");
    }

    @Test
    void anExpiredTokenFailsTheExpiryCheckWithItsAge() throws IOException {
        Path file = write(signed(payload(ISSUER, SUBJECT, json(AUDIENCE), NOW.minusSeconds(3720),
                NOW.minusSeconds(120))));

        TokenInspection inspection = reader.inspect(file.toString());
        Check expiry = evaluate(env(file), inspection).get(IdentityChecks.EXPIRY);

        assertEquals(Verdict.FAIL, expiry.verdict());
        assertTrue(expiry.detail().contains("2 min ago"), expiry.detail());
        assertTrue(expiry.fix().contains("recreate the pod"), expiry.fix());
        assertEquals(-120L, inspection.token().secondsLeft(NOW));
    }

    @Test
    void aWrongAudienceFailsAndNamesTheExpectedOne() throws IOException {
        Path file = write(signed(payload(ISSUER, SUBJECT, json("https://kubernetes.default.svc"),
                NOW.minusSeconds(60), NOW.plusSeconds(3600))));

        Check audience = evaluate(env(file), reader.inspect(file.toString())).get(IdentityChecks.AUDIENCE);

        assertEquals(Verdict.FAIL, audience.verdict());
        assertTrue(audience.detail().contains("[https://kubernetes.default.svc] lacks " + AUDIENCE),
                audience.detail());
        assertTrue(audience.fix().contains(AUDIENCE), audience.fix());
    }

    @Test
    void theAudienceMayBeAStringOrAnArray() throws IOException {
        Path single = write(unsigned(payload(ISSUER, SUBJECT, json(AUDIENCE), NOW, NOW.plusSeconds(600))));
        Path array = write(signed(payload(ISSUER, SUBJECT, "[\"https://kubernetes.default.svc\", \"" + AUDIENCE
                + "\"]", NOW, NOW.plusSeconds(600))));

        TokenInspection fromString = reader.inspect(single.toString());
        TokenInspection fromArray = reader.inspect(array.toString());

        assertEquals(List.of(AUDIENCE), fromString.token().audience());
        assertEquals(List.of("https://kubernetes.default.svc", AUDIENCE), fromArray.token().audience());
        assertEquals(Verdict.PASS, evaluate(env(single), fromString).get(IdentityChecks.AUDIENCE).verdict());
        assertEquals(Verdict.PASS, evaluate(env(array), fromArray).get(IdentityChecks.AUDIENCE).verdict());
    }

    @Test
    void aSubjectOfAnotherNamespaceFailsAndNamesThePodsSubject() throws IOException {
        Path file = write(signed(payload(ISSUER, "system:serviceaccount:other-team:workload-identity-sa",
                json(AUDIENCE), NOW, NOW.plusSeconds(600))));

        Check subject = evaluate(env(file), reader.inspect(file.toString())).get(IdentityChecks.SUBJECT);

        assertEquals(Verdict.FAIL, subject.verdict());
        assertTrue(subject.detail().contains("namespace 'other-team'"), subject.detail());
        assertTrue(subject.detail().contains("runs as 'workload-identity-sa' in 'default'"), subject.detail());
        assertTrue(subject.fix().contains("system:serviceaccount:default:workload-identity-sa"), subject.fix());
    }

    @Test
    void aSubjectThatIsNoServiceAccountFails() throws IOException {
        Path file = write(signed(payload(ISSUER, "repo:org/app:ref:refs/heads/main", json(AUDIENCE), NOW,
                NOW.plusSeconds(600))));

        Check subject = evaluate(env(file), reader.inspect(file.toString())).get(IdentityChecks.SUBJECT);

        assertEquals(Verdict.FAIL, subject.verdict());
        assertTrue(subject.detail().contains("system:serviceaccount:<namespace>:<serviceaccount>"), subject.detail());
    }

    @Test
    void withoutTheDownwardApiTheSubjectIsOnlyCheckedForItsForm() throws IOException {
        Path file = write(TestTokens.valid(NOW));
        WorkloadEnvironment noPod = new WorkloadEnvironment(CLIENT_ID, TENANT_ID, file.toString(),
                "https://login.microsoftonline.com/", null, null);

        Check subject = evaluate(noPod, reader.inspect(file.toString())).get(IdentityChecks.SUBJECT);

        assertEquals(Verdict.WARN, subject.verdict());
        assertTrue(subject.fix().contains("POD_NAMESPACE"), subject.fix());
    }

    @Test
    void malformedJwtsFailTheFormatCheck() throws IOException {
        String validHeader = TestTokens.valid(NOW).split("\\.")[0];
        for (String content : new String[] { "not-a-jwt", "a.b", "a.b.c.d", "abc.d%f.ghi",
                validHeader + ".bm90IGpzb24.sig", "bm90IGpzb24." + validHeader + ".sig" }) {
            Path file = write(content);

            TokenInspection inspection = reader.inspect(file.toString());
            Map<String, Check> checks = evaluate(env(file), inspection);

            assertEquals(Verdict.PASS, checks.get(IdentityChecks.TOKEN_FILE).verdict(), content);
            assertEquals(Verdict.FAIL, checks.get(IdentityChecks.TOKEN_FORMAT).verdict(), content);
            assertNull(inspection.token(), content);
            assertEquals(Verdict.SKIP, checks.get(IdentityChecks.AUDIENCE).verdict(), content);
            assertFalse(checks.toString().contains(content), "the content was echoed: " + content);
        }
    }

    @Test
    void aTokenWithoutExpiryOrIssuerFails() throws IOException {
        Path noExp = write(signed(payload(ISSUER, SUBJECT, json(AUDIENCE), NOW, null)));
        Path noIss = write(signed(payload(null, SUBJECT, json(AUDIENCE), NOW, NOW.plusSeconds(60))));

        assertEquals(Verdict.FAIL, evaluate(env(noExp), reader.inspect(noExp.toString())).get(IdentityChecks.EXPIRY)
                .verdict());
        assertEquals(Verdict.FAIL, evaluate(env(noIss), reader.inspect(noIss.toString()))
                .get(IdentityChecks.TOKEN_FORMAT).verdict());
    }

    @Test
    void aTokenIssuedInTheFutureWarnsOfClockSkew() throws IOException {
        Path file = write(signed(payload(ISSUER, SUBJECT, json(AUDIENCE), NOW.plusSeconds(600),
                NOW.plusSeconds(4200))));

        Check expiry = evaluate(env(file), reader.inspect(file.toString())).get(IdentityChecks.EXPIRY);

        assertEquals(Verdict.WARN, expiry.verdict());
        assertTrue(expiry.fix().contains("NTP"), expiry.fix());
    }

    @Test
    void anEmptyFileFailsAsEmpty() throws IOException {
        for (String content : new String[] { "", " \n\t\n" }) {
            Path file = write(content);

            TokenInspection inspection = reader.inspect(file.toString());
            Map<String, Check> checks = evaluate(env(file), inspection);

            assertEquals(Status.EMPTY, inspection.file().status());
            assertEquals(Verdict.FAIL, checks.get(IdentityChecks.TOKEN_FILE).verdict());
            assertEquals(Verdict.SKIP, checks.get(IdentityChecks.TOKEN_FORMAT).verdict());
        }
    }

    @Test
    void aMissingFileFailsWithWhereToLook() {
        Path file = dir.resolve("azure-identity-token");

        TokenInspection inspection = reader.inspect(file.toString());
        Check tokenFile = evaluate(env(file), inspection).get(IdentityChecks.TOKEN_FILE);

        assertEquals(Status.MISSING, inspection.file().status());
        assertEquals(Verdict.FAIL, tokenFile.verdict());
        assertTrue(tokenFile.fix().contains("skip-containers"), tokenFile.fix());
    }

    @Test
    void aDirectoryIsNotATokenFile() {
        TokenInspection inspection = reader.inspect(dir.toString());

        assertEquals(Status.NOT_A_FILE, inspection.file().status());
        assertEquals(Verdict.FAIL, evaluate(env(dir), inspection).get(IdentityChecks.TOKEN_FILE).verdict());
    }

    @Test
    void binaryGarbageIsNotAJwtAndIsNeverEchoed() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(42).nextBytes(garbage);
        garbage[10] = 0;
        Path file = dir.resolve("garbage");
        Files.write(file, garbage);

        TokenInspection inspection = reader.inspect(file.toString());
        Check format = evaluate(env(file), inspection).get(IdentityChecks.TOKEN_FORMAT);

        assertEquals(Status.READ, inspection.file().status());
        assertEquals(Verdict.FAIL, format.verdict());
        assertTrue(format.detail().contains("binary"), format.detail());
    }

    @Test
    void aTenMegabyteFileIsRefusedWithoutBeingReadWhole() throws IOException {
        Path file = dir.resolve("huge");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(10L * 1024 * 1024);
            huge.write(TestTokens.valid(NOW).getBytes(StandardCharsets.US_ASCII));
        }

        TokenInspection inspection = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> reader.inspect(file.toString()));
        Check tokenFile = evaluate(env(file), inspection).get(IdentityChecks.TOKEN_FILE);

        assertEquals(Status.TOO_LARGE, inspection.file().status());
        assertEquals(10L * 1024 * 1024, inspection.file().size());
        assertEquals(Verdict.FAIL, tokenFile.verdict());
        assertTrue(tokenFile.detail().contains("65536 bytes"), tokenFile.detail());
        assertNull(inspection.token());
    }

    @Test
    void withNothingInjectedOnlyTheEnvironmentFailsAndSaysWhichLabel() {
        WorkloadEnvironment none = new WorkloadEnvironment(null, null, null, null, null, null);

        Map<String, Check> checks = evaluate(none, reader.inspect(null));

        assertTrue(none.nothingInjected());
        Check environment = checks.get(IdentityChecks.ENVIRONMENT);
        assertEquals(Verdict.FAIL, environment.verdict());
        assertTrue(environment.fix().contains("azure.workload.identity/use: \"true\""), environment.fix());
        checks.values().stream().filter(c -> c != environment)
                .forEach(c -> assertEquals(Verdict.SKIP, c.verdict(), c.toString()));
    }

    @Test
    void aMissingClientIdPointsAtTheServiceAccountAnnotation() throws IOException {
        Path file = write(TestTokens.valid(NOW));
        WorkloadEnvironment noClient = new WorkloadEnvironment(null, TENANT_ID, file.toString(),
                "https://login.microsoftonline.com/", "default", "workload-identity-sa");

        Check environment = evaluate(noClient, reader.inspect(file.toString())).get(IdentityChecks.ENVIRONMENT);

        assertEquals(Verdict.FAIL, environment.verdict());
        assertEquals("Not set: AZURE_CLIENT_ID.", environment.detail());
        assertTrue(environment.fix().contains("azure.workload.identity/client-id"), environment.fix());
    }

    @Test
    void idsMustBeGuidsAndTheAuthorityHttps() throws IOException {
        Path file = write(TestTokens.valid(NOW));
        WorkloadEnvironment odd = new WorkloadEnvironment("my-identity", "contoso.onmicrosoft.com", file.toString(),
                "http://login.microsoftonline.com/", "default", "workload-identity-sa");

        Map<String, Check> checks = evaluate(odd, reader.inspect(file.toString()));

        assertEquals(Verdict.FAIL, checks.get(IdentityChecks.CLIENT_ID).verdict());
        assertEquals(Verdict.WARN, checks.get(IdentityChecks.TENANT_ID).verdict());
        assertEquals(Verdict.FAIL, checks.get(IdentityChecks.AUTHORITY_HOST).verdict());
    }

    private Map<String, Check> evaluate(WorkloadEnvironment env, TokenInspection inspection) {
        return rules.evaluate(env, inspection, NOW).stream()
                .collect(Collectors.toMap(Check::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static WorkloadEnvironment env(Path tokenFile) {
        return new WorkloadEnvironment(CLIENT_ID, TENANT_ID, tokenFile.toString(), "https://login.microsoftonline.com/",
                "default", "workload-identity-sa");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "token", "");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertNotNull(file);
        return file;
    }
}
