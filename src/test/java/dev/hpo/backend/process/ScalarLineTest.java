package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarLineTest {

    @Test
    void readsTheDocumentedLine() {
        String line = "hpo:scalar {\"title\":\"validation\",\"series\":\"loss\",\"iteration\":3,\"value\":0.25}";

        assertThat(ScalarLine.isScalarLine(line)).isTrue();
        assertThat(ScalarLine.parse(line)).isEqualTo(new ReportedScalar("validation", "loss", 3, 0.25));
    }

    @Test
    void acceptsSpacesInNamesIntegerValuesAndUnknownFields() {
        String line = "hpo:scalar\t{ \"title\": \"top 1\", \"series\": \"acc\", \"iteration\": 0, \"value\": 1, \"unit\": \"%\" }  ";

        assertThat(ScalarLine.parse(line)).isEqualTo(new ReportedScalar("top 1", "acc", 0, 1.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "loss: 0.25",
            "hpo:scalars {}",
            "' hpo:scalar {}'",
            "HPO:SCALAR {}"})
    void leavesOtherLinesAsOutput(String line) {
        assertThat(ScalarLine.isScalarLine(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hpo:scalar|no JSON object",
            "hpo:scalar {broken|not a JSON object",
            "hpo:scalar [1, 2]|not a JSON object",
            "hpo:scalar {\"series\":\"loss\",\"iteration\":1,\"value\":1}|title must be",
            "hpo:scalar {\"title\":\"v\",\"series\":\" \",\"iteration\":1,\"value\":1}|series must be",
            "hpo:scalar {\"title\":\"v\",\"series\":\"loss\",\"iteration\":-1,\"value\":1}|iteration must be",
            "hpo:scalar {\"title\":\"v\",\"series\":\"loss\",\"iteration\":1.5,\"value\":1}|iteration must be",
            "hpo:scalar {\"title\":\"v\",\"series\":\"loss\",\"iteration\":1,\"value\":\"1\"}|value must be",
            "hpo:scalar {\"title\":\"v\",\"series\":\"loss\",\"iteration\":1,\"value\":1e999}|value must be"})
    void rejectsMalformedReportsSayingWhatIsWrong(String line, String reason) {
        assertThat(ScalarLine.isScalarLine(line)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> ScalarLine.parse(line)).withMessageContaining(reason);
    }
}
