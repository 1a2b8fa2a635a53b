package dev.hpo.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started in the tests its own fresh database from {@link TestDatabase},
 * unless the test configured {@code spring.datasource.url} itself (e.g. to restart on the same database) or asks
 * for the service's own development database with {@value #USE_DEV_DATABASE}{@code =true}.
 * Registered in {@code META-INF/spring.factories} of the test resources.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A test property: true leaves the context without a database URL, so it starts its embedded one. */
    public static final String USE_DEV_DATABASE = "hpo.test.use-dev-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
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
