package dev.hpo.shared;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The zero-set-up development mode: no database URL configured and the embedded development database available
 * (the condition under which {@code dev.hpo.shared.devdb} starts it). Only then are the conveniences on that are
 * unsafe on a shared network: the process backend by default, webhooks to loopback; and the server listens on
 * 127.0.0.1 unless {@code server.address} says otherwise.
 */
public final class DevelopmentMode {

    private DevelopmentMode() {
    }

    public static boolean isOn(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return (url == null || url.isBlank())
                && environment.getProperty("hpo.dev-database.enabled", Boolean.class, true)
                && ClassUtils.isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                        DevelopmentMode.class.getClassLoader());
    }
}
