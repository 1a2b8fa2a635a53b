package dev.hpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optuna's numbers from {@code ANCHORS.md}, read from its tables so the benchmark can print them beside ours.
 *
 * @param quality key {@code problem/strategy}: med@25, med@50, med@100, IQR low, IQR high, win%, s/run
 * @param multiFidelity key {@code strategy}: @10x81, @30x81, @100x81, started, s/run
 */
record Anchors(Map<String, double[]> quality, Map<String, double[]> multiFidelity) {

    private static final Pattern QUALITY = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\[\\s*([^,\\s]+),\\s*([^\\]\\s]+)\\]\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern MULTI_FIDELITY = Pattern.compile(
            "^lc_sim_mf\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");

    static Anchors empty() {
        return new Anchors(Map.of(), Map.of());
    }

    /** The anchors in {@code file}, or none when it cannot be read. */
    static Anchors read(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return empty();
        }
        Map<String, double[]> quality = new HashMap<>();
        Map<String, double[]> multiFidelity = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher q = QUALITY.matcher(line);
                if (q.matches()) {
                    quality.put(q.group(1) + "/" + q.group(2), numbers(q, 3, 9));
                    continue;
                }
                Matcher m = MULTI_FIDELITY.matcher(line);
                if (m.matches()) {
                    multiFidelity.put(m.group(1), numbers(m, 2, 6));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return empty();
        }
        return new Anchors(Map.copyOf(quality), Map.copyOf(multiFidelity));
    }

    private static double[] numbers(Matcher matcher, int from, int to) {
        double[] values = new double[to - from + 1];
        for (int g = from; g <= to; g++) {
            values[g - from] = Double.parseDouble(matcher.group(g));
        }
        return values;
    }
}
