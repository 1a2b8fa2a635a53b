package dev.hpo.shared.devdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded PostgreSQL when the service runs with no database configured (no
 * {@code spring.datasource.url}, no {@code DATABASE_URL}). The embedded binaries are an optional dependency
 * left out of the packaged jar, so a deployed service always needs a real database URL.
 *
 * <p>A development database is never shared by accident: without a configured port it takes a free one; a
 * configured port that something else holds stops the service, naming {@value DevDatabaseSettings#PORT_PROPERTY}
 * (PostgreSQL would fail to bind, and the service would talk to whichever server holds the port); and once
 * started, the server that answers must report this service's data folder as its {@code data_directory}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${hpo.dev-database.enabled:true}")
class DevDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres devPostgres(DevDatabaseSettings settings) throws IOException {
        Files.createDirectories(settings.directory());
        Path directory = settings.directory().toRealPath();
        LeftoverServer.stopIfLeft(directory);
        if (settings.port() != 0) {
            requireFree(settings.port());
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                // the embedded defaults favour test speed; a development database should keep what it acknowledged
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try {
            requireOwnServer(postgres, directory);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("No database configured: the development PostgreSQL runs in {} on port {}{}", directory,
                postgres.getPort(), settings.port() == 0 ? " (a free port; set " + DevDatabaseSettings.PORT_PROPERTY
                        + " to fix one)" : "");
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres devPostgres) {
        return DataSourceBuilder.create()
                .url(devPostgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    /** Fails unless nothing listens on {@code port} on this machine's loopback address. */
    static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a port left in TIME_WAIT is free for a listener
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new DevDatabaseException("The development database cannot start on port " + port + " ("
                    + DevDatabaseSettings.PORT_PROPERTY + "): the port is taken, perhaps by the development database of "
                    + "another service. Using it would share that server's data.",
                    "Leave " + DevDatabaseSettings.PORT_PROPERTY + " unset (or 0) to take a free port, set it to a "
                            + "free one, or stop what holds port " + port + ".");
        }
    }

    /** Fails unless the server on {@code postgres}' port keeps its data in {@code directory}. */
    static void requireOwnServer(EmbeddedPostgres postgres, Path directory) throws IOException {
        String reported;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            reported = rows.getString(1);
        } catch (SQLException e) {
            throw new IOException("cannot ask the development database on port " + postgres.getPort()
                    + " for its data directory", e);
        }
        Path answered = Path.of(reported);
        boolean same = Files.exists(answered) ? Files.isSameFile(answered, directory) : answered.equals(directory);
        if (!same) {
            throw new DevDatabaseException("The PostgreSQL answering on port " + postgres.getPort() + " ("
                    + DevDatabaseSettings.PORT_PROPERTY + ") keeps its data in " + reported + ", not in " + directory
                    + ": it is another service's development database.",
                    "Leave " + DevDatabaseSettings.PORT_PROPERTY + " unset (or 0) to take a free port, or set it to a "
                            + "port no other server uses.");
        }
    }
}
