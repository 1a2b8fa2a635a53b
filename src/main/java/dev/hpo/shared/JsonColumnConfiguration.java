package dev.hpo.shared;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Registers {@link Jackson3JsonFormatMapper} as Hibernate's JSON format mapper. */
@Configuration(proxyBeanMethods = false)
class JsonColumnConfiguration {

    @Bean
    HibernatePropertiesCustomizer jackson3JsonColumns() {
        // A plain mapper, not the web one: stored JSON must not change with API presentation settings.
        JsonMapper mapper = JsonMapper.builder().build();
        return properties -> properties.put("hibernate.type.json_format_mapper", new Jackson3JsonFormatMapper(mapper));
    }
}
