package dev.hpo.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("count", "integer", 5, ""),
            new SettingSpec("gamma", "number", 0.25, ""),
            new SettingSpec("multivariate", "boolean", false, ""),
            new SettingSpec("mode", "string", "fast", ""),
            new SettingSpec("limit", "integer", null, ""));

    private static Settings settings(Map<String, Object> values) {
        return Settings.validate("strategy 'demo'", values, SPECS);
    }

    @Test
    void rejectsAnUnknownSettingListingTheKnownOnes() {
        assertThatThrownBy(() -> settings(Map.of("cuont", 3)))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': unknown setting 'cuont' (known: count, gamma, multivariate, mode, limit)");
    }

    @Test
    void rejectsAnySettingWhenNoneAreDeclared() {
        assertThatThrownBy(() -> Settings.validate("strategy 'grid'", Map.of("x", 1), List.of()))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'grid': unknown setting 'x' (it takes no settings)");
    }

    @Test
    void usesTheDefaultWhenASettingIsAbsentOrNull() {
        Map<String, Object> values = new HashMap<>();
        values.put("count", null);

        Settings settings = settings(values);

        assertThat(settings.integer("count", 0, 10)).isEqualTo(5);
        assertThat(settings.has("count")).isFalse();
        assertThat(settings.number("gamma", 0, 1)).isEqualTo(0.25);
        assertThat(settings.bool("multivariate")).isFalse();
        assertThat(settings.string("mode", "fast", "slow")).isEqualTo("fast");
        assertThat(Settings.validate("x", null, SPECS).integer("count", 0, 10)).isEqualTo(5);
    }

    @Test
    void acceptsIntegersInEveryFormAJsonReaderProduces() {
        for (Object value : List.of(7, 7L, (short) 7, new BigDecimal("7"), new BigDecimal("7.00"), 7.0,
                BigInteger.valueOf(7))) {
            assertThat(settings(Map.of("count", value)).integer("count", 0, 10)).as("%s", value.getClass()).isEqualTo(7);
        }
    }

    @Test
    void rejectsAFractionalInteger() {
        assertThatThrownBy(() -> settings(Map.of("count", 2.5)).integer("count", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'count' must be an integer, not 2.5");
    }

    @Test
    void rejectsAStringWhereAnIntegerIsExpected() {
        assertThatThrownBy(() -> settings(Map.of("count", "3")).integer("count", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'count' must be an integer, not the string '3'");
    }

    @Test
    void rejectsAnIntegerOutOfRange() {
        assertThatThrownBy(() -> settings(Map.of("count", 11)).integer("count", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'count' must be between 0 and 10, not 11");
    }

    @Test
    void rejectsAnIntegerTooLargeForALong() {
        assertThatThrownBy(() -> settings(Map.of("count", new BigInteger("99999999999999999999"))).integer("count", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("setting 'count' is too large");
        assertThatThrownBy(() -> settings(Map.of("count", 1e20)).integer("count", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("setting 'count' is too large");
    }

    @Test
    void numberAcceptsBoundsOnlyWhenInclusive() {
        assertThat(settings(Map.of("gamma", 1)).number("gamma", 0, 1)).isEqualTo(1.0);
        assertThat(settings(Map.of("gamma", new BigDecimal("0.5"))).number("gamma", 0, 1, true)).isEqualTo(0.5);
        assertThatThrownBy(() -> settings(Map.of("gamma", 1)).number("gamma", 0, 1, true))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'gamma' must be strictly between 0 and 1, not 1.0");
    }

    @Test
    void numberRejectsNonFiniteValuesAndNonNumbers() {
        assertThatThrownBy(() -> settings(Map.of("gamma", Double.NaN)).number("gamma", 0, Double.POSITIVE_INFINITY))
                .hasMessage("strategy 'demo': setting 'gamma' must be between 0 and +inf, not NaN");
        assertThatThrownBy(() -> settings(Map.of("gamma", true)).number("gamma", 0, 1))
                .hasMessage("strategy 'demo': setting 'gamma' must be a number, not true");
    }

    @Test
    void boolRejectsAString() {
        assertThatThrownBy(() -> settings(Map.of("multivariate", "true")).bool("multivariate"))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'multivariate' must be true or false, not the string 'true'");
    }

    @Test
    void stringRejectsAValueNotAllowed() {
        assertThatThrownBy(() -> settings(Map.of("mode", "slow")).string("mode", "fast", "exact"))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'mode' must be one of fast, exact, not 'slow'");
        assertThatThrownBy(() -> settings(Map.of("mode", List.of())).string("mode"))
                .hasMessage("strategy 'demo': setting 'mode' must be a string, not a list");
    }

    @Test
    void aSettingWithoutDefaultIsRequired() {
        Settings settings = settings(Map.of());

        assertThat(settings.has("limit")).isFalse();
        assertThatThrownBy(() -> settings.integer("limit", 0, 10))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("strategy 'demo': setting 'limit' is required");
    }

    @Test
    void readingAnUndeclaredSettingIsAProgrammingError() {
        assertThatThrownBy(() -> settings(Map.of()).integer("other", 0, 1)).isInstanceOf(IllegalStateException.class);
    }
}
