package dev.hpo.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's command-line options, as system properties so Maven can pass them:
 * <ul>
 * <li>{@code bench.sections}: any of {@code quality,mf,cost} (default all three)</li>
 * <li>{@code bench.problems}: problems of the quality table (default all, protocol order)</li>
 * <li>{@code bench.strategies}: rows of the quality table (default {@code random,tpe,tpe_mv,cmaes,gp,auto}; see
 *     {@link StrategyRow} for rows with settings); random search always runs, it is the win% reference</li>
 * <li>{@code bench.mf}: rows of the multi-fidelity table, {@code strategy+rule} (see {@link MultiFidelityRow})</li>
 * <li>{@code bench.cost}: strategies of the suggestion-cost table; {@code bench.costSizes} history sizes</li>
 * <li>{@code bench.seeds}: how many seeds, 0..n-1 (default 20); {@code bench.trials} experiments (default 100)</li>
 * <li>{@code bench.threads}: seeds run at once (default 2, at most 2)</li>
 * <li>{@code bench.out}: the results file ({@code bench/results/strategies.md}; {@code none} to skip)</li>
 * <li>{@code bench.data}: the data folder; {@code bench.anchors}: ANCHORS.md (to compare with Optuna)</li>
 * </ul>
 */
record BenchOptions(List<String> sections, List<String> problems, List<StrategyRow> strategies,
                    List<MultiFidelityRow> mfRows, List<StrategyRow> costRows, List<Integer> costSizes,
                    int seeds, int trials, int threads, Path out, Path dataDir, Path anchors) {

    static final String DEFAULT_MF = "random+none,tpe+none,random+asha,tpe+asha,tpe+median(warmupIterations=3),hyperband,bohb";
    /** gp is left out: its cost grows with the cube of the history (measure it with bench.costSizes=100,300). */
    static final String DEFAULT_COST = "random,tpe,tpe_mv,cmaes,hyperband,bohb,auto";

    static BenchOptions fromSystemProperties() {
        String out = System.getProperty("bench.out", "bench/results/strategies.md");
        return new BenchOptions(
                list(System.getProperty("bench.sections", "quality,mf,cost")),
                list(System.getProperty("bench.problems", String.join(",", Problems.NAMES))),
                StrategyRow.parseList(System.getProperty("bench.strategies", String.join(",", StrategyRow.STANDARD))),
                MultiFidelityRow.parseList(System.getProperty("bench.mf", DEFAULT_MF)),
                StrategyRow.parseList(System.getProperty("bench.cost", DEFAULT_COST)),
                list(System.getProperty("bench.costSizes", "100,1000,10000")).stream().map(Integer::valueOf).toList(),
                Integer.getInteger("bench.seeds", 20),
                Integer.getInteger("bench.trials", 100),
                Math.max(1, Math.min(2, Integer.getInteger("bench.threads", 2))),
                out.equals("none") ? null : Path.of(out),
                Problems.defaultDataDir(),
                Path.of(System.getProperty("bench.anchors", Problems.defaultDataDir().resolve("../ANCHORS.md").toString())));
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    /** The command that reproduces this run: the Maven line plus every {@code bench.*} property that was set. */
    static String command() {
        Map<String, String> set = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> set.put(k, System.getProperty(k)));
        StringBuilder command = new StringBuilder("./mvnw -q -Pbench test-compile exec:java");
        set.forEach((k, v) -> command.append(" '-D").append(k).append('=').append(v).append('\''));
        return command.toString();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
