package dev.hpo.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The protocol's problems by name, in the order of its table; the tabular one is read once, on first use. */
final class Problems {

    static final List<String> NAMES = List.of(
            "branin", "hartmann6", "ackley_mixed", "count_ones", "hpolib_protein", "lc_sim_full");

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

    private Problem create(String name) {
        return switch (name) {
            case "branin" -> new Branin();
            case "hartmann6" -> new Hartmann6();
            case "ackley_mixed" -> new AckleyMixed();
            case "count_ones" -> new CountOnes();
            case "hpolib_protein" -> new HpolibProtein(HpolibTable.load(dataDir.resolve("hpolib"), "protein_structure"));
            case "lc_sim_full" -> new LcSimFull();
            default -> throw new IllegalArgumentException("unknown problem '" + name + "'; known: " + NAMES);
        };
    }
}
