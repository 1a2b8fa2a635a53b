package dev.hpo.shared.devdb;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A JVM of its own that starts the embedded PostgreSQL on a folder and waits to be killed, as a service does;
 * {@link DevDatabaseIT} kills it with SIGKILL to leave the server running, as {@code kill -9} of a service does.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
