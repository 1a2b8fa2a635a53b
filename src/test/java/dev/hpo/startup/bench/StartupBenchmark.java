package dev.hpo.startup.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.hpo.startup.CdsArchiveScript;
import dev.hpo.startup.ServiceProcess;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestDatabase;
import dev.hpo.testsupport.TestTokens;

/**
 * How long the service takes to be ready after a restart on an existing, already migrated database that holds a
 * RUNNING study: from forking the process to {@code /actuator/health} UP, and to the loop's first driven tick of
 * that study ({@code hpo.loop.tick}). A first start migrates the database and creates the study; then the service is
 * started {@code runs} times (default 5), each stopped gracefully (SIGTERM) before the next, and the median and
 * every run are printed, with the load average.
 *
 * <ul>
 *   <li>{@code jar} (default): {@code java -jar target/hpo-service-*.jar} as the container runs it, against the test
 *   PostgreSQL ({@code TEST_DATABASE_URL}, else Testcontainers, else an embedded one in this JVM).</li>
 *   <li>{@code cds}: the production start of the Dockerfile: {@code src/main/docker/cds-archive.sh} extracts the jar
 *   into {@code target/startup-bench/cds} and trains a class data sharing archive (once, timed), then every start is
 *   {@code java -XX:SharedArchiveFile=.../app.jsa -jar .../app.jar}, on the same database as {@code jar}.</li>
 *   <li>{@code extracted}: the same extracted jar without the archive (what the extraction alone gives).</li>
 *   <li>{@code dev}: {@code ./mvnw -o -q spring-boot:run} with no database URL, so the service starts its embedded
 *   development PostgreSQL in {@code target/startup-bench/postgres} (recreated by the first start); this time
 *   includes Maven's own start.</li>
 * </ul>
 * Extra JVM options for the service: {@code -Dstartup.jvm-args="..."}; extra arguments (e.g. a logging level to see
 * where the time goes): {@code -Dstartup.service-args="--key=value ..."}. CPU seconds of the service at health UP
 * are printed too: on a busy machine they move far less than the wall clock. {@code -Dstartup.jar=path} starts another
 * build's jar (e.g. an older commit's, to compare).
 *
 * <p>Run: {@code ./mvnw -o -q -Pstartup -DskipTests package exec:java [-Dexec.args="jar|cds|extracted|dev [runs]"]}.
 */
public final class StartupBenchmark {

    private static final Duration FIRST_START_LIMIT = Duration.ofMinutes(5);
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private StartupBenchmark() {
    }

    /** Starts one service process on {@code port}, its output to {@code log}. */
    private interface Launcher {
        ServiceProcess start(Path log, int port) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("target/startup-bench"));
        List<String> jvmArgs = words(System.getProperty("startup.jvm-args", ""));
        List<String> serviceArgs = words(System.getProperty("startup.service-args", ""));
        Launcher launcher = switch (mode) {
            case "jar" -> jar(root, CdsArchiveScript.packagedJar(root), jvmArgs, serviceArgs);
            case "cds" -> {
                Path dir = extractWithArchive(root, work);
                List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + dir.resolve("app.jsa")));
                options.addAll(jvmArgs);
                yield jar(root, dir.resolve("app.jar"), options, serviceArgs);
            }
            case "extracted" -> jar(root, extractWithArchive(root, work).resolve("app.jar"), jvmArgs, serviceArgs);
            case "dev" -> dev(root, work, jvmArgs, serviceArgs);
            default -> throw new IllegalArgumentException("mode is jar, cds, extracted or dev, not " + mode);
        };
        System.out.printf(Locale.ROOT, "start-up benchmark, mode %s, JVM options %s, load average %s%n", mode,
                jvmArgs, loadAverage());

        int port = freePort();
        try (ServiceProcess first = launcher.start(work.resolve(mode + "-first.log"), port)) {
            double health = first.secondsToHealthUp(FIRST_START_LIMIT);
            runningStudy(new Http(port));
            System.out.printf(Locale.ROOT, "first start (new database, migrations): health UP after %.2f s%n", health);
            first.secondsToFirstTick(FIRST_START_LIMIT);
        }

        List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path log = work.resolve(mode + "-run-" + run + ".log");
            try (ServiceProcess service = launcher.start(log, freePort())) {
                double health = service.secondsToHealthUp(START_LIMIT);
                double cpu = service.cpuSeconds();
                double tick = service.secondsToFirstTick(START_LIMIT);
                results.add(new double[] {health, tick, cpu});
                String spring = service.springReported().map(s -> String.format(Locale.ROOT,
                        "Spring: started in %.2f s, JVM up %.2f s", s[0], s[1])).orElse("no Started line");
                System.out.printf(Locale.ROOT, "run %d: health UP %.2f s, first study tick %.2f s, CPU at health UP "
                        + "%.2f s (%s; load %s)%n", run, health, tick, cpu, spring, loadAverage());
            }
        }
        System.out.printf(Locale.ROOT, "median of %d starts (%s): health UP %.2f s, first study tick %.2f s, CPU at "
                        + "health UP %.2f s; health %s; tick %s; CPU %s; load average %s%n", runs, mode,
                median(results, 0), median(results, 1), median(results, 2), column(results, 0), column(results, 1),
                column(results, 2), loadAverage());
    }

    /** Runs the Dockerfile's preparation on the packaged jar: the extracted jar and its archive in {@code work/cds}. */
    private static Path extractWithArchive(Path root, Path work) throws IOException, InterruptedException {
        Path dir = work.resolve("cds");
        long started = System.nanoTime();
        CdsArchiveScript.run(root, CdsArchiveScript.packagedJar(root), dir, work.resolve("cds-archive.log"));
        System.out.printf(Locale.ROOT, "extracted jar and class data sharing archive in %s: %.1f s (load %s)%n",
                dir, (System.nanoTime() - started) / 1e9, loadAverage());
        return dir;
    }

    /** {@code java [options] -jar jar}, as the Dockerfile runs it, on the test PostgreSQL. */
    private static Launcher jar(Path root, Path jar, List<String> jvmArgs, List<String> serviceArgs) {
        TestDatabase.Target database = TestDatabase.newDatabase();
        String java = CdsArchiveScript.java();
        return (log, port) -> {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + (database.username() == null ? "postgres" : database.username()),
                    "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                    "--hpo.security.admin-token=" + TestTokens.ADMIN));
            command.addAll(serviceArgs);
            return ServiceProcess.start(command, root, Map.of(), log, port);
        };
    }

    /** {@code ./mvnw spring-boot:run} without a database URL: the development mode with its embedded database. */
    private static Launcher dev(Path root, Path work, List<String> jvmArgs, List<String> serviceArgs) throws IOException {
        Path data = work.resolve("postgres");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return (log, port) -> {
            List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-o", "-q",
                    "spring-boot:run", "-Dspring-boot.run.arguments=--server.port=" + port
                            + " --hpo.security.admin-token=" + TestTokens.ADMIN
                            + " --hpo.dev-database.directory=" + root.relativize(data)
                            + (serviceArgs.isEmpty() ? "" : " " + String.join(" ", serviceArgs))));
            if (!jvmArgs.isEmpty()) {
                // replaces the pom's development options (hpo.run.jvm-args)
                command.add("-Dhpo.run.jvm-args=" + String.join(" ", jvmArgs));
            }
            return ServiceProcess.start(command, root, Map.of("DATABASE_URL", ""), log, port);
        };
    }

    /** A study that the loop drives at every tick: queue backend, no worker, so its experiments stay queued. */
    private static void runningStudy(Http http) {
        Http.Answer base = http.post("/api/v1/base-experiments", """
                {"name": "train", "project": "startup-bench", "parameters": {"lr": 0.1}}""");
        require(base, 201);
        Http.Answer study = http.post("/api/v1/studies", """
                {"name": "startup-bench", "baseExperimentId": "%s",
                 "parameters": [{"type": "uniform", "name": "x", "min": 0, "max": 1}],
                 "objectives": [{"title": "validation", "series": "loss", "sign": "min"}],
                 "strategy": {"name": "random", "seed": 7},
                 "backend": "queue", "executionQueue": "startup-bench", "maxConcurrentExperiments": 2}"""
                .formatted(base.json().get("id").asString()));
        require(study, 201);
        require(http.post("/api/v1/studies/" + study.json().get("id").asString() + "/start", null), 200);
    }

    private static void require(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String column(List<double[]> results, int column) {
        return results.stream().map(r -> String.format(Locale.ROOT, "%.2f", r[column])).toList().toString();
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them (Linux), else the JVM's 1-minute one. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
