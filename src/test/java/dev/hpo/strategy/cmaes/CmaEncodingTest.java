package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

class CmaEncodingTest {

    @Test
    void givesEveryParameterTheStepOfTheNarrowestRangeInNaturalUnits() {
        // given dropout [0, 0.9], lr 10^[-5, -1] and an integer [4, 9] (widened to [3.5, 9.5])
        CmaEncoding encoding = CmaEncoding.of(new SearchSpace(List.of(
                new UniformRange("dropout", 0, 0.9, null, true),
                new LogUniformRange("lr", -5, -1, 10, null, true),
                new IntegerRange("batch", 4, 9, 1, true))));
        // when the per-dimension scales of sigma0 are computed
        double[] scales = encoding.narrowestOverEach();
        // then dropout keeps its full step, lr gets 0.9 / (4 ln 10) and the integer 0.9 / 6
        assertThat(scales[0]).isEqualTo(1.0);
        assertThat(scales[1]).isCloseTo(0.9 / (4 * Math.log(10)), within(1e-12));
        assertThat(scales[2]).isCloseTo(0.9 / 6, within(1e-12));
    }

    @Test
    void rejectsAnUnknownStepScale() {
        assertThatThrownBy(() -> CmaEsSettings.from(Map.of("stepScale", "widest")))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("stepScale");
    }
}
