package dev.hpo.shared.devdb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-set-up development database: an embedded PostgreSQL started when no database URL is configured.
 *
 * @param enabled   turn the embedded database off even when no URL is configured
 * @param directory where its data lives; kept across restarts of the service
 * @param port      its TCP port on localhost; 0 (the default) picks a free one at every start, so two services
 *                  started from two folders never meet on one port. A configured port that is taken stops the
 *                  service with a message naming {@value #PORT_PROPERTY}.
 */
@ConfigurationProperties("hpo.dev-database")
public record DevDatabaseSettings(@DefaultValue("true") boolean enabled,
                                  @DefaultValue(".hpo/postgres") Path directory,
                                  @DefaultValue("0") int port) {

    /** The property that sets {@link #port()}, as error messages name it. */
    public static final String PORT_PROPERTY = "hpo.dev-database.port";
}
