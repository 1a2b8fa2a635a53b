package dev.hpo.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started in the tests its own fresh database from {@link TestDatabase},
 * unless the test configured {@code spring.datasource.url} itself (e.g. to restart on the same database) or asks
 * for the service's own development database with {@value #USE_DEV_DATABASE}{@code =true}; and
 * {@link TestTokens#ADMIN} as the bootstrap admin token unless the test configured one. A context started with
 * {@code hpo.test.unmanaged=true} gets neither.
 * Registered in {@code META-INF/spring.factories} of the test resources.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A test property: true leaves the context without a database URL, so it starts its embedded one. */
    public static final String USE_DEV_DATABASE = "hpo.test.use-dev-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("hpo.test.unmanaged", Boolean.class, false)) {
            // the test sets the context up as an operator would (e.g. the development mode with its own database)
            return;
        }
        if (context.getEnvironment().getProperty("hpo.security.admin-token", "").isBlank()) {
            // every test context accepts TestTokens.ADMIN, as the test HTTP clients send it
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testAdminToken",
                    Map.of("hpo.security.admin-token", TestTokens.ADMIN)));
        }
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if ((url != null && !url.isBlank())
                || context.getEnvironment().getProperty(USE_DEV_DATABASE, Boolean.class, false)) {
            return;
        }
        TestDatabase.Target target = TestDatabase.newDatabase();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", target.url());
        if (target.username() != null) {
            properties.put("spring.datasource.username", target.username());
        }
        properties.put("spring.datasource.password", target.password() == null ? "" : target.password());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }
}
