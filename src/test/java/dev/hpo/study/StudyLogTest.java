package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StudyLogTest {

    @Test
    void writesObjectiveValuesWithSixSignificantDigitsAndADashForNone() {
        assertThat(StudyLog.values(new double[] {0.2536179244189188})).isEqualTo("0.253618");
        assertThat(StudyLog.values(new double[] {1.0, 2.5})).isEqualTo("1,2.5");
        assertThat(StudyLog.values(new double[] {Double.NaN})).isEqualTo("-");
        assertThat(StudyLog.values(null)).isEqualTo("-");
    }

    @Test
    void keepsFreeTextToOneWord() {
        assertThat(StudyLog.word(" lr search  two ")).isEqualTo("lr_search_two");
        assertThat(StudyLog.word("x".repeat(100))).hasSize(80).endsWith("...");
    }
}
