package dev.hpo.shared.devdb;

import java.io.IOException;
import java.nio.file.Files;

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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${hpo.dev-database.enabled:true}")
class DevDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres devPostgres(DevDatabaseSettings settings) throws IOException {
        Files.createDirectories(settings.directory());
        log.info("No database configured: starting the development PostgreSQL in {} on port {}",
                settings.directory().toAbsolutePath(), settings.port());
        return EmbeddedPostgres.builder()
                .setDataDirectory(settings.directory())
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                // the embedded defaults favour test speed; a development database should keep what it acknowledged
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres devPostgres) {
        return DataSourceBuilder.create()
                .url(devPostgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
