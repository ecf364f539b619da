package io.github.aksdaprwif.devmode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a daprd binary the way a developer would install one: named explicitly, on PATH, where
 * {@code dapr init --slim} puts it, or where this project's build script caches it.
 */
public final class DaprdBinary {

    /** The project's Go module for daprd; its go.mod names the Dapr version the build script caches. */
    static final Path GO_MODULE = Path.of("src", "tools", "daprd", "go.mod");

    private DaprdBinary() {
    }

    /** The places searched, in order; {@code explicit} first when given. */
    public static List<Path> candidates(Optional<String> explicit, Path projectDir, Path cacheDir) {
        List<Path> candidates = new ArrayList<>();
        explicit.filter(p -> !p.isBlank()).map(Path::of).ifPresent(candidates::add);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "daprd"));
                }
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".dapr", "bin", "daprd"));
        projectBuild(projectDir, cacheDir).ifPresent(candidates::add);
        return candidates;
    }

    /** Where src/tools/daprd/build.sh puts the daprd of the version the project's go.mod requires. */
    public static Optional<Path> projectBuild(Path projectDir, Path cacheDir) {
        return projectVersion(projectDir).map(version -> cacheDir.resolve(version).resolve("daprd"));
    }

    public static Optional<Path> find(Optional<String> explicit, Path projectDir, Path cacheDir) {
        return candidates(explicit, projectDir, cacheDir).stream().filter(Files::isExecutable).findFirst();
    }

    /** Where src/tools/daprd/build.sh caches its builds unless DAPRD_CACHE_DIR says otherwise. */
    public static Path defaultCacheDir() {
        String fromEnv = System.getenv("DAPRD_CACHE_DIR");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home"), ".cache", "aks-dapr-wif-secrets", "daprd");
    }

    /** The Dapr version the project's go.mod requires, e.g. v1.18.2. */
    public static Optional<String> projectVersion(Path projectDir) {
        Path goMod = projectDir.resolve(GO_MODULE);
        if (!Files.isReadable(goMod)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(goMod).stream().map(String::trim)
                    .filter(line -> line.startsWith("github.com/dapr/dapr "))
                    .map(line -> line.split("\\s+")[1]).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String howToGetOne() {
        return "build one with src/tools/daprd/build.sh (needs Go; the first build takes a few minutes), install one "
                + "with 'dapr init --slim' (~/.dapr/bin/daprd), or set DAPRD_PATH to a daprd binary";
    }
}
