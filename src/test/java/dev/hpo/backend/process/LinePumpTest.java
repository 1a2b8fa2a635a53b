package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinePumpTest {

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() {
        assertThat(pump(5, "one\r\ntwo\n\nlast")).containsExactly("one", "two", "", "last");
    }

    @Test
    void cutsALineLongerThanTheMaximumIntoPieces() {
        assertThat(pump(4, "abcdefghij\nk\n")).containsExactly("abcd", "efgh", "ij", "k");
    }

    @Test
    void decodesUtf8() {
        assertThat(pump(100, "λ=0.1 ✓\n")).containsExactly("λ=0.1 ✓");
    }

    @Test
    void saysWhenItCaughtUpWithTheWriter() {
        List<String> seen = new ArrayList<>();

        new LinePump(100).pump(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), seen::add,
                () -> seen.add("caught up"));

        assertThat(seen).containsExactly("a", "b", "caught up");
    }

    private static List<String> pump(int max, String text) {
        List<String> lines = new ArrayList<>();
        new LinePump(max).pump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add);
        return lines;
    }
}
