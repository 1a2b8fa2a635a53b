package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StrategyRowTest {

    @Test
    void readsRowsWithSettingsKeepingCommasInsideParentheses() {
        assertThat(StrategyRow.parseList("random, tpe_mv,tpe(gamma=0.15;candidates=48;multivariate=true;x=abc)"))
                .containsExactly(
                        new StrategyRow("random", "random", Map.of()),
                        new StrategyRow("tpe_mv", "tpe", Map.of("multivariate", true)),
                        new StrategyRow("tpe(gamma=0.15;candidates=48;multivariate=true;x=abc)", "tpe",
                                Map.of("gamma", 0.15, "candidates", 48, "multivariate", true, "x", "abc")));
    }

    @Test
    void readsMultiFidelityRowsAsStrategyPlusRule() {
        MultiFidelityRow row = MultiFidelityRow.parse("tpe(gamma=0.2)+asha(reductionFactor=4)");
        assertThat(row.strategy().settings()).isEqualTo(Map.of("gamma", 0.2));
        assertThat(row.rule().strategy()).isEqualTo("asha");
        assertThat(row.rule().settings()).isEqualTo(Map.of("reductionFactor", 4));
        assertThat(MultiFidelityRow.parse("random+none").rule()).isNull();
        assertThat(MultiFidelityRow.parse("hyperband").rule()).isNull();
    }
}
