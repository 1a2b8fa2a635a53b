package dev.hpo.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Dockerfile's preparation of the production start, {@code src/main/docker/cds-archive.sh}, run from a test or a
 * benchmark on the packaged jar with this test JVM (so that the archive fits the JVM that then starts the service).
 */
public final class CdsArchiveScript {

    private CdsArchiveScript() {
    }

    /** The packaged jar: {@code -Dstartup.jar}, else {@code target/hpo-service-*.jar} ({@code package} builds it). */
    public static Path packagedJar(Path root) throws IOException {
        String configured = System.getProperty("startup.jar", "");
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(root.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("hpo-service-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/hpo-service-*.jar: run with 'package'"));
        }
    }

    /**
     * Extracts {@code jar} into {@code dir} and trains its archive ({@code dir/app.jar}, {@code dir/lib/},
     * {@code dir/app.jsa}), the script's output to {@code log}; fails when the script does.
     */
    public static void run(Path root, Path jar, Path dir, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("src/main/docker/cds-archive.sh").toString(),
                jar.toString(), dir.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("cds-archive.sh failed (" + exit + "), see " + log);
        }
    }

    /** This JVM's {@code java} launcher: the one the archive is written with and must be used with. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
