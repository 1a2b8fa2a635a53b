package dev.hpo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol's problems by name, in the order of its tables (the six original ones, then the widened set); each
 * tabular one is read once, on first use.
 */
final class Problems {

    /** The protocol's first six problems, which the strategies' settings were tuned on. */
    static final List<String> ORIGINAL = List.of(
            "branin", "hartmann6", "ackley_mixed", "count_ones", "hpolib_protein", "lc_sim_full");

    /** The widened set (PROTOCOL.md, "Widened problems"): kinds of space the six do not cover. */
    static final List<String> WIDENED = List.of(
            "hpolib_naval", "hpolib_parkinsons", "hpolib_slice", "hpolib_protein_cat", "hpolib_naval_cat",
            "rosenbrock10", "levy10", "ackley10", "styblinski_tang20", "jenatton", "hartmann6_noisy");

    static final List<String> NAMES = concat(ORIGINAL, WIDENED);

    /** Standard deviation of the noise of {@code hartmann6_noisy}. */
    static final double HARTMANN_NOISE = 0.1;

    private final Path dataDir;
    private final Map<String, Problem> loaded = new LinkedHashMap<>();

    Problems(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The data folder: {@code -Dbench.data}, else the repository's own {@code bench/data} (run from the project root). */
    static Path defaultDataDir() {
        String configured = System.getProperty("bench.data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of("bench/data");
    }

    synchronized Problem get(String name) {
        return loaded.computeIfAbsent(name, this::create);
    }

    /** Tables are shared between a problem and its all-categorical variant. */
    private final Map<String, HpolibTable> tables = new LinkedHashMap<>();

    private HpolibTable table(String dataset) {
        return tables.computeIfAbsent(dataset, d -> HpolibTable.load(dataDir.resolve("hpolib"), d));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private Problem create(String name) {
        return switch (name) {
            case "branin" -> new Branin();
            case "hartmann6" -> new Hartmann6();
            case "ackley_mixed" -> new AckleyMixed();
            case "count_ones" -> new CountOnes();
            case "hpolib_protein" -> new HpolibProblem(table("protein_structure"));
            case "lc_sim_full" -> new LcSimFull();
            case "hpolib_naval" -> new HpolibProblem(name, table("naval_propulsion"), false);
            case "hpolib_parkinsons" -> new HpolibProblem(name, table("parkinsons_telemonitoring"), false);
            case "hpolib_slice" -> new HpolibProblem(name, table("slice_localization"), false);
            case "hpolib_protein_cat" -> new HpolibProblem(name, table("protein_structure"), true);
            case "hpolib_naval_cat" -> new HpolibProblem(name, table("naval_propulsion"), true);
            case "rosenbrock10" -> BoxFunction.rosenbrock10();
            case "levy10" -> BoxFunction.levy10();
            case "ackley10" -> BoxFunction.ackley10();
            case "styblinski_tang20" -> BoxFunction.styblinskiTang20();
            case "jenatton" -> new Jenatton();
            case "hartmann6_noisy" -> new NoisyProblem(name, new Hartmann6(), HARTMANN_NOISE);
            default -> throw new IllegalArgumentException("unknown problem '" + name + "'; known: " + NAMES);
        };
    }
}
