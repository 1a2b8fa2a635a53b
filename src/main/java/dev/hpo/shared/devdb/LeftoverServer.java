package dev.hpo.shared.devdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development PostgreSQL a service left running on its data folder when it was killed ({@code kill -9}, a
 * crash): the embedded server is a child process, and it outlives its parent. Its {@code postmaster.pid} keeps
 * the folder locked, so the next start of the service could not start its own server. The leftover is stopped
 * (a smart shutdown: its clients died with the old service) before the new server starts; the database is as the
 * old server committed it.
 *
 * <p>Only a live process whose command line is a {@code postgres} on exactly this folder is stopped; a stale
 * {@code postmaster.pid} (after a reboot, or a PID now used by another program) is left to PostgreSQL, which
 * handles it itself.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final long SMART_SHUTDOWN_SECONDS = 20;
    private static final long KILL_SECONDS = 10;

    private LeftoverServer() {
    }

    /** Stops the server left on {@code directory} (a real path), if any; true when there was one. */
    static boolean stopIfLeft(Path directory) {
        Optional<ProcessHandle> leftover = pid(directory).flatMap(ProcessHandle::of)
                .filter(process -> isPostgresOn(process, directory));
        if (leftover.isEmpty()) {
            return false;
        }
        ProcessHandle process = leftover.get();
        log.warn("A development PostgreSQL (pid {}) left running by an earlier service still holds {}; stopping it",
                process.pid(), directory);
        process.destroy();
        if (!waitFor(process, SMART_SHUTDOWN_SECONDS)) {
            log.warn("The leftover development PostgreSQL (pid {}) did not stop in {} s; killing it (it recovers at the "
                    + "next start)", process.pid(), SMART_SHUTDOWN_SECONDS);
            process.destroyForcibly();
            if (!waitFor(process, KILL_SECONDS)) {
                throw new DevDatabaseException("A development PostgreSQL (pid " + process.pid() + ") still holds "
                        + directory + " and did not stop.", "Stop that process, then start the service again.");
            }
        }
        return true;
    }

    /** The PID on the first line of the folder's {@code postmaster.pid}, if the file is there and readable. */
    static Optional<Long> pid(Path directory) {
        Path file = directory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresOn(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int flag = arguments.indexOf("-D");
        return postgres && flag >= 0 && flag + 1 < arguments.size() && sameFolder(arguments.get(flag + 1), directory);
    }

    private static boolean sameFolder(String argument, Path directory) {
        try {
            return Files.isSameFile(Path.of(argument), directory);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitFor(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
