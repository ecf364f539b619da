package io.github.aksdaprwif.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application a pod's workload identity without a cluster: a projected-token file, the four AZURE_*
 * values and the downward-API pod values as configuration, and a {@link FakeEntraId} token endpoint over HTTPS. Its
 * certificate is self-signed, made for this run with the JDK's keytool, and trusted through a named Quarkus TLS
 * configuration that {@code identity.live.tls-configuration-name} points at.
 *
 * <p>Arguments ({@code @ResourceArg}): any key starting with {@code identity.} is passed to the application.
 */
public class FakeEntraIdResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    public static final String TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public static final String TLS_NAME = "fake-entra-id";
    /** How long a stalled answer takes: longer than any identity.live.timeout the tests set. */
    private static final Duration STALL = Duration.ofSeconds(5);
    private static final char[] PASSWORD = "test-only".toCharArray();

    private Map<String, String> args = Map.of();
    private Path workDir;
    private FakeEntraId entra;
    private FakeEntraIdFixture fixture;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            // Under target/ and kept after stop(): Quarkus 3.33 lets an integration test's resource config reach the
            // packaged apps of later *IT classes, whose TLS registry then insists on reading this trust store.
            workDir = Files.createDirectories(Path.of("target", "fake-entra-id",
                    UUID.randomUUID().toString().substring(0, 8))).toAbsolutePath();
            Path keyStore = workDir.resolve("server.p12");
            Path trustStore = workDir.resolve("trust.p12");
            Path certificate = workDir.resolve("server.pem");
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD));
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                    "-storepass", new String(PASSWORD), "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "fake-entra-id", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", new String(PASSWORD));

            String token = TestTokens.valid(Instant.now());
            Path tokenFile = workDir.resolve("azure-identity-token");
            Files.writeString(tokenFile, token, StandardCharsets.US_ASCII);

            entra = new FakeEntraId(keyStore, PASSWORD, STALL);
            entra.assertion(TestTokens.ISSUER, TestTokens.SUBJECT);
            Path logs = Files.createDirectories(Path.of("target", "test-logs"));
            Path appLog = logs.resolve("app-identity-" + UUID.randomUUID().toString().substring(0, 8) + ".log")
                    .toAbsolutePath();
            fixture = new FakeEntraIdFixture(entra, token, appLog);

            Map<String, String> config = new HashMap<>();
            config.put("azure.client-id", CLIENT_ID);
            config.put("azure.tenant-id", TENANT_ID);
            config.put("azure.federated-token-file", tokenFile.toString());
            config.put("azure.authority-host", "https://localhost:" + entra.port() + "/");
            config.put("pod.namespace", TestTokens.NAMESPACE);
            config.put("pod.service-account", TestTokens.SERVICE_ACCOUNT);
            config.put("quarkus.tls." + TLS_NAME + ".trust-store.p12.path", trustStore.toString());
            config.put("quarkus.tls." + TLS_NAME + ".trust-store.p12.password", new String(PASSWORD));
            config.put("identity.live.tls-configuration-name", TLS_NAME);
            // A named file handler, not quarkus.log.file.*: @QuarkusIntegrationTest gives the packaged app its own
            // quarkus.log.file.path and reads the app's random HTTP port from that file.
            config.put("quarkus.log.handler.file.fake-entra-id.enabled", "true");
            config.put("quarkus.log.handler.file.fake-entra-id.path", appLog.toString());
            config.put("quarkus.log.handler.file.fake-entra-id.rotation.rotate-on-boot", "false");
            config.put("quarkus.log.handlers", "fake-entra-id");
            args.forEach((key, value) -> {
                if (key.startsWith("identity.")) {
                    config.put(key, value);
                }
            });
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fixture,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeEntraId.class, FakeEntraIdFixture.class));
    }

    @Override
    public void stop() {
        if (entra != null) {
            entra.close();
        }
    }

    private static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = Stream.concat(Stream.of(keytool.toString()), Stream.of(args)).toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
