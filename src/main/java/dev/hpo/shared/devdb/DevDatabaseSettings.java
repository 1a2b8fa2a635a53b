package dev.hpo.shared.devdb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-set-up development database: an embedded PostgreSQL started when no database URL is configured.
 *
 * @param enabled   turn the embedded database off even when no URL is configured
 * @param directory where its data lives; kept across restarts of the service
 * @param port      its TCP port on localhost
 */
@ConfigurationProperties("hpo.dev-database")
public record DevDatabaseSettings(@DefaultValue("true") boolean enabled,
                                  @DefaultValue(".hpo/postgres") Path directory,
                                  @DefaultValue("54329") int port) {
}
