package io.github.aksdaprwif.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of this project under target/, built by Maven itself with other properties: the manifests are rendered by
 * Maven resource filtering and merged by the Quarkus build, so only a real build proves that a property reaches them.
 * A copy, because the build writes src/main/kubernetes/ of the project it runs in. Offline: the outer build has
 * already fetched every plugin and dependency.
 */
final class ProjectCopy {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final List<String> COPIED = List.of("pom.xml", "mvnw", ".mvn", "src/main");
    private static final Path GENERATED = Path.of("src", "main", "kubernetes");
    private static final long TIMEOUT_MINUTES = 10;

    private final Path root;

    private ProjectCopy(Path root) {
        this.root = root;
    }

    static ProjectCopy create(String name) {
        Path root = PROJECT.resolve(Path.of("target", "manifest-builds", name));
        try {
            deleteRecursively(root);
            for (String entry : COPIED) {
                copy(PROJECT.resolve(entry), root.resolve(entry));
            }
            deleteRecursively(root.resolve(GENERATED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProjectCopy(root);
    }

    Path kubernetesDir() {
        return root.resolve(Path.of("target", "kubernetes"));
    }

    /** Runs {@code ./mvnw -B -o} with these arguments (and MAVEN_ARGS, if given); the output goes to maven.log. */
    Result maven(List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("sh", "mvnw", "-B", "-o"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(arguments);
        Path log = root.resolve("maven.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Maven did not finish within " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Maven ran in " + root, e);
        }
    }

    record Result(int exitCode, String output, Path log) {

        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError("Maven failed (exit " + exitCode + "), see " + log + ":\n" + tail());
            }
            return this;
        }

        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
