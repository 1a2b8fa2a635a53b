package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExponentsLikeValuesTest {

    private static Map<String, Object> log(Object min, Object max) {
        return Map.of("type", "log_uniform", "name", "lr", "min", min, "max", max);
    }

    @Test
    void refusesBothBoundsBetweenZeroAndOneNamingMinAndSayingWhatToWrite() {
        assertThatThrownBy(() -> ExponentsLikeValues.check(List.of(log(0.0001, 0.1))))
                .isInstanceOf(InvalidSpaceException.class)
                .hasMessageStartingWith("parameters[0].min: log_uniform takes exponents of base 10")
                .hasMessageContaining("about 1.0 to 1.259")
                .hasMessageContaining("\"min\": -4.0, \"max\": -1.0");
    }

    @Test
    void acceptsExponentsAndAnExplicitBase() {
        assertThatCode(() -> ExponentsLikeValues.check(List.of(log(-4, -1), log(0, 0.5), log(-0.5, 0.5), log(1, 3))))
                .doesNotThrowAnyException();
        Map<String, Object> explicit = Map.of("type", "log_uniform", "name", "lr", "min", 0.2, "max", 0.8, "base", 10);
        assertThatCode(() -> ExponentsLikeValues.check(List.of(explicit))).doesNotThrowAnyException();
    }

    @Test
    void looksInsideParameterSets() {
        Map<String, Object> set = Map.of("type", "parameter_set", "combinations",
                List.of(Map.of("opt", "sgd"), Map.of("opt", "adam", "lr", log(0.001, 0.01))));

        assertThatThrownBy(() -> ExponentsLikeValues.check(List.of(Map.of("type", "uniform"), set)))
                .hasMessageStartingWith("parameters[1].combinations[1].lr.min: ");
    }

    @Test
    void leavesOtherKindsAlone() {
        assertThatCode(() -> ExponentsLikeValues.check(List.of(
                Map.of("type", "uniform", "name", "x", "min", 0.0001, "max", 0.1)))).doesNotThrowAnyException();
    }
}
