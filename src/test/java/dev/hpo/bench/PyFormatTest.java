package dev.hpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyFormatTest {

    @Test
    void formatsLikePythonsGeneralFormat() {
        assertThat(PyFormat.g(1.4621, 4)).isEqualTo("1.462");
        assertThat(PyFormat.g(0.0086784, 4)).isEqualTo("0.008678");
        assertThat(PyFormat.g(16.0, 3)).isEqualTo("16");
        assertThat(PyFormat.g(0.0, 4)).isEqualTo("0");
        assertThat(PyFormat.g(0.000012345, 4)).isEqualTo("1.234e-05");
        assertThat(PyFormat.g(123456.0, 4)).isEqualTo("1.235e+05");
        assertThat(PyFormat.g(100.0, 4)).isEqualTo("100");
    }

    @Test
    void roundsFixedPointTiesToEven() {
        assertThat(PyFormat.f(92.5, 0)).isEqualTo("92");
        assertThat(PyFormat.f(0.125, 2)).isEqualTo("0.12");
    }
}
