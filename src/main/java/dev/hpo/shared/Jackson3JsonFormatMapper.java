package dev.hpo.shared;

import java.lang.reflect.Type;

import org.hibernate.type.format.AbstractJsonFormatMapper;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets Hibernate read and write {@code jsonb} columns ({@code @JdbcTypeCode(SqlTypes.JSON)}) with Jackson 3.
 * Hibernate 7.2 only ships a Jackson 2 mapper and would pick it up from whatever happens to be on the class
 * path; this keeps the stored JSON identical to what the API reads and writes.
 */
public final class Jackson3JsonFormatMapper extends AbstractJsonFormatMapper {

    private final JsonMapper mapper;

    public Jackson3JsonFormatMapper(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected <T> T fromString(CharSequence charSequence, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        return mapper.readValue(charSequence.toString(), javaType);
    }

    @Override
    protected <T> String toString(T value, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        return mapper.writerFor(javaType).writeValueAsString(value);
    }
}
