package dev.hpo.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.hpo.settings.InvalidStrategyException;

class StoppingCatalogTest {

    @Test
    void listsMedianAndAsha() {
        assertThat(StoppingCatalog.standard().all()).extracting(StoppingRuleSpec::name).containsExactly("median", "asha");
    }

    @Test
    void rejectsAnUnknownRuleNamingTheKnownOnes() {
        assertThatThrownBy(() -> StoppingCatalog.standard().require("hyperband"))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("unknown early-stopping rule 'hyperband' (known: median, asha)");
    }

    @Test
    void everySettingHasADescription() {
        for (StoppingRuleSpec spec : StoppingCatalog.standard().all()) {
            assertThat(spec.settings()).allSatisfy(setting -> assertThat(setting.description()).isNotBlank());
        }
    }
}
