package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void keepsEverythingBelowTheLimit() {
        OutputTail tail = new OutputTail(100);

        tail.append("a");
        tail.append("b");

        assertThat(tail.text()).isEqualTo("a\nb");
        assertThat(tail.truncated()).isFalse();
    }

    @Test
    void dropsTheOldestLinesPastTheLimit() {
        OutputTail tail = new OutputTail(12);

        for (int i = 0; i < 10; i++) {
            tail.append("line" + i);
        }

        assertThat(tail.text()).isEqualTo("line8\nline9");
        assertThat(tail.truncated()).isTrue();
        assertThat(tail.lastLines(1)).containsExactly("line9");
        assertThat(tail.lastLines(5)).containsExactly("line8", "line9");
    }

    @Test
    void keepsTheEndOfALineLongerThanTheLimit() {
        OutputTail tail = new OutputTail(4);

        tail.append("first");
        tail.append("0123456789");

        assertThat(tail.text()).isEqualTo("6789");
    }
}
