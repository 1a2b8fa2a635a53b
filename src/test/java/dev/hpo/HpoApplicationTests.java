package dev.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service starts on a real PostgreSQL with its schema migrated, and the JPA mappings agree with that schema: the
 * service itself does not validate them at start (docs/startup.md), so this context does.
 */
@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
class HpoApplicationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnARealPostgresWithTheSchemaMigrated() {
        String version = jdbc.queryForObject("select version()", String.class);
        assertThat(version).startsWith("PostgreSQL");
        Integer migrations = jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(migrations).isPositive();
    }
}
