package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Pins canonical keys: the texts below were produced by the original implementation, before it was made fast, so
 * any change of the key format or of value canonicalisation shows up here (keys are stored implicitly in histories).
 */
class CanonicalKeyTest {

    private static Map<String, Object> point(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new UniformRange("lr", 0.01, 0.3, 0.05, true),
            new UniformRange("drop", 0, 0.5, null, false),
            new LogUniformRange("wd", -6, -2, 10, 1.0, true),
            new LogUniformRange("eps", -8, -4, 10, null, true),
            new IntegerRange("batch", 128, 500, 128, true),
            new DiscreteValues("opt", List.of("sgd", "a\"dam", 1, 2.5, true)),
            new ParameterSet("model", List.of(
                    point("a", 1),
                    point("a", new IntegerRange("a", 0, 3, 1, true), "b", "x"),
                    point("a", 2.5, "c", new UniformRange("c", 1, 2, 0.25, false))))));

    @Test
    void keepsTheKeysOfPointsTheSpaceProduces() {
        assertThat(SPACE.canonicalKey(point("lr", 0.26, "drop", 0.1, "wd", 1e-4, "eps", 3e-7, "batch", 256L,
                "opt", "sgd", "a", 1L)))
                .isEqualTo("{\"a\":1,\"batch\":256,\"drop\":0.1,\"eps\":3.0E-7,\"lr\":0.26,\"opt\":\"sgd\",\"wd\":1.0E-4}");
    }

    @Test
    void keepsTheKeysOfNoisyAndRetypedValues() {
        assertThat(SPACE.canonicalKey(point("lr", 0.01 + 5 * 0.05, "drop", 0, "wd", 0.0001, "eps", 1e-8,
                "batch", 256.0, "opt", "a\"dam", "a", 1.0, "b", "x")))
                .isEqualTo("{\"a\":1,\"b\":\"x\",\"batch\":256,\"drop\":0.0,\"eps\":1.0E-8,\"lr\":0.26,\"opt\":\"a\\\"dam\",\"wd\":1.0E-4}");
        assertThat(SPACE.canonicalKey(point("lr", new BigDecimal("0.11"), "drop", 0.25f, "wd", 10, "eps", "1e-5",
                "batch", 384, "opt", 1.0, "a", 3, "b", "x", "zz", List.of(1))))
                .isEqualTo("{\"a\":3,\"b\":\"x\",\"batch\":384,\"drop\":0.25,\"eps\":\"1e-5\",\"lr\":0.11,\"opt\":1,\"wd\":10.0,\"zz\":[1]}");
    }

    @Test
    void keepsTheKeysOfValuesTheSpaceDoesNotHold() {
        assertThat(SPACE.canonicalKey(point("lr", 0.27, "drop", 0.5, "wd", 1e-7, "eps", 1, "batch", 257,
                "opt", 2.5, "a", 2.5, "c", 1.75)))
                .isEqualTo("{\"a\":2.5,\"batch\":257,\"c\":1.75,\"drop\":0.5,\"eps\":1.0,\"lr\":0.27,\"opt\":2.5,\"wd\":1.0E-7}");
        assertThat(SPACE.canonicalKey(point("lr", 0.16000000000000003, "drop", null, "batch", BigInteger.valueOf(128),
                "opt", true, "a", 2.5, "c", 2.0, "extra\\", "q\"", "0", 7)))
                .isEqualTo("{\"0\":7,\"a\":2.5,\"batch\":128,\"c\":2.0,\"drop\":null,\"extra\\\\\":\"q\\\"\",\"lr\":0.16,\"opt\":true}");
        assertThat(SPACE.canonicalKey(point("a", 2, "c", 1.5000000001, "b", "y")))
                .isEqualTo("{\"a\":2,\"b\":\"y\",\"c\":1.5}");
        assertThat(SPACE.canonicalKey(point("lr", Double.NaN, "drop", Double.POSITIVE_INFINITY, "opt", 1L, "a", 1,
                "c", 1.25)))
                .isEqualTo("{\"a\":1,\"c\":1.25,\"drop\":Infinity,\"lr\":NaN,\"opt\":1}");
    }

    @Test
    void agreesWithTheReferenceImplementationOnThePinnedPoints() {
        Map<String, Object> conditional = point("a", 2.5, "c", 1.5, "lr", 0.01, "drop", 0.0, "wd", 1e-6,
                "eps", 1e-5, "batch", 128, "opt", "sgd");

        assertThat(SPACE.canonicalKey(conditional)).isEqualTo(LegacyCanonicalKey.of(SPACE, conditional));
        assertThat(SPACE.holds(conditional)).isTrue();
    }
}
