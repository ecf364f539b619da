package io.github.aksdaprwif.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.github.aksdaprwif.devmode.DaprdBinary;
import io.github.aksdaprwif.devmode.DaprdProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a real daprd for a test class: free loopback ports, a {@code secretstores.local.file} component
 * {@code demo-secret-store}, and, where the arguments ask, a Configuration with secret scopes and an API token.
 *
 * <p>Arguments ({@code @ResourceArg}):
 * <ul>
 * <li>{@code start}: "false" to leave daprd stopped until the test starts it (default true)</li>
 * <li>{@code allowed-secrets}: comma list; writes a Configuration that scopes demo-secret-store to these names</li>
 * <li>{@code daprd-token}: DAPR_API_TOKEN for daprd; {@code app-token}: the token the application sends</li>
 * <li>any key starting with {@code secrets.}: passed to the application's configuration as it is</li>
 * </ul>
 */
public class DaprdResource implements QuarkusTestResourceLifecycleManager {

    public static final String STORE = "demo-secret-store";
    public static final String APP_ID = "aks-dapr-wif-secrets";
    /** The store's content: the how-to's secret and two more for allow-list and scope tests. */
    public static final Map<String, String> SECRETS = Map.of(
            "dapr", "Hello Dapr!",
            "other", "Other value 42",
            "scoped-out", "Never to be shown");

    private Map<String, String> args = Map.of();
    private Path workDir;
    private DaprdProcess daprd;
    private TestSidecar sidecar;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("daprd-test-");
            Path resources = Files.createDirectories(workDir.resolve("components"));
            Path secretsFile = workDir.resolve("secrets.json");
            Files.writeString(secretsFile, json(SECRETS), StandardCharsets.UTF_8);
            Files.writeString(resources.resolve("secret-store.yaml"), localFileStore(STORE, secretsFile),
                    StandardCharsets.UTF_8);
            Path configFile = null;
            if (args.containsKey("allowed-secrets")) {
                configFile = workDir.resolve("config.yaml");
                Files.writeString(configFile, secretScope(args.get("allowed-secrets")), StandardCharsets.UTF_8);
            }
            Path logs = Files.createDirectories(Path.of("target", "test-logs"));
            String run = UUID.randomUUID().toString().substring(0, 8);
            Path appLog = logs.resolve("app-" + run + ".log").toAbsolutePath();
            DaprdProcess.Spec spec = new DaprdProcess.Spec(binary(), APP_ID, resources, configFile, null,
                    args.get("daprd-token"), "info", logs.resolve("daprd-" + run + ".log").toAbsolutePath());
            daprd = new DaprdProcess(spec, DaprdProcess.freePort(), DaprdProcess.freePort());
            sidecar = new TestSidecar(daprd, appLog, secretsFile);
            if (!"false".equals(args.get("start"))) {
                daprd.start(Duration.ofSeconds(30));
            }
            return appConfig(appLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> appConfig(Path appLog) {
        Map<String, String> config = new HashMap<>();
        config.put("dapr.sidecar.ip", "127.0.0.1");
        config.put("dapr.http.port", Integer.toString(daprd.httpPort()));
        config.put("dapr.grpc.port", Integer.toString(daprd.grpcPort()));
        Optional.ofNullable(args.get("app-token")).ifPresent(token -> config.put("dapr.api.token", token));
        // A named handler of its own, not quarkus.log.file.*: @QuarkusIntegrationTest launches the packaged app with
        // its own quarkus.log.file.path and finds the app's random HTTP port in that file. It also sets these keys in
        // the test JVM, whose logging then opens the same file: appending, never rotating, keeps the app's lines.
        config.put("quarkus.log.handler.file.test-sidecar.enabled", "true");
        config.put("quarkus.log.handler.file.test-sidecar.path", appLog.toString());
        config.put("quarkus.log.handler.file.test-sidecar.rotation.rotate-on-boot", "false");
        config.put("quarkus.log.handlers", "test-sidecar");
        args.forEach((key, value) -> {
            if (key.startsWith("secrets.")) {
                config.put(key, value);
            }
        });
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sidecar,
                new TestInjector.AnnotatedAndMatchesType(InjectSidecar.class, TestSidecar.class));
    }

    @Override
    public void stop() {
        if (daprd != null) {
            daprd.stop();
        }
        TestFiles.deleteTree(workDir);
    }

    /** The project's daprd build; a clear failure, never a skip, where there is none. */
    public static Path binary() {
        Optional<String> explicit = Optional.ofNullable(System.getProperty("daprd.path"))
                .or(() -> Optional.ofNullable(System.getenv("DAPRD_PATH")));
        Path cache = Optional.ofNullable(System.getProperty("daprd.cache.dir")).map(Path::of)
                .orElseGet(DaprdBinary::defaultCacheDir);
        Path projectDir = Path.of("").toAbsolutePath();
        List<Path> candidates = explicit.map(p -> List.of(Path.of(p)))
                .orElseGet(() -> DaprdBinary.projectBuild(projectDir, cache).map(List::of)
                        .orElseGet(() -> DaprdBinary.candidates(Optional.empty(), projectDir, cache)));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "These tests need a real daprd and none was found at " + candidates + ". Run the README's test "
                        + "command (./mvnw verify builds it), or " + DaprdBinary.howToGetOne()));
    }

    /** A {@code secretstores.local.file} component called {@code name} that serves {@code secretsFile}. */
    public static String localFileStore(String name, Path secretsFile) {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                  - name: secretsFile
                    value: "%s"
                """.formatted(name, secretsFile);
    }

    private static String secretScope(String allowed) {
        String list = Arrays.stream(allowed.split(",")).map(String::trim).map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(", "));
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: secret-scope
                spec:
                  secrets:
                    scopes:
                    - storeName: %s
                      defaultAccess: deny
                      allowedSecrets: [%s]
                """.formatted(STORE, list);
    }

    static String json(Map<String, String> secrets) {
        return secrets.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(",\n  ", "{\n  ", "\n}\n"));
    }
}
