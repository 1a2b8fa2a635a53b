package dev.hpo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HPOLib tabular benchmark (Klein &amp; Hutter 2019): the choices of each of its 9 parameters from
 * {@code space.json}, and the validation loss of every configuration for each of 4 training seeds.
 * Keys are mixed-radix indices over the parameters in {@code space.json} order, the last varying fastest.
 */
final class HpolibTable {

    static final int SEEDS = 4;

    private final List<String> names;
    private final List<List<Object>> choices;
    private final int[] radix;
    private final double[] losses;
    private final boolean[] present;

    private HpolibTable(List<String> names, List<List<Object>> choices, double[] losses, boolean[] present) {
        this.names = names;
        this.choices = choices;
        this.radix = choices.stream().mapToInt(List::size).toArray();
        this.losses = losses;
        this.present = present;
    }

    /** Reads {@code space.json} and {@code <dataset>.csv.gz} of the folder {@code hpolibDir}. */
    static HpolibTable load(Path hpolibDir, String dataset) {
        try {
            JsonNode params = JsonMapper.builder().build()
                    .readTree(Files.readString(hpolibDir.resolve("space.json"))).get("params");
            List<String> names = new ArrayList<>();
            List<List<Object>> choices = new ArrayList<>();
            for (JsonNode param : params) {
                names.add(param.get("name").asString());
                List<Object> values = new ArrayList<>();
                for (JsonNode choice : param.get("choices")) {
                    values.add(choice.isString() ? choice.asString()
                            : choice.isIntegralNumber() ? (Object) choice.asLong() : (Object) choice.asDouble());
                }
                choices.add(List.copyOf(values));
            }
            int size = choices.stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
            double[] losses = new double[size * SEEDS];
            boolean[] present = new boolean[size];
            HpolibTable table = new HpolibTable(List.copyOf(names), List.copyOf(choices), losses, present);
            table.read(hpolibDir.resolve(dataset + ".csv.gz"));
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HPOLib table " + dataset + " in " + hpolibDir
                    + " (set -Dbench.data to the folder holding hpolib/)", e);
        }
    }

    private void read(Path csv) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.US_ASCII))) {
            String line = reader.readLine(); // header: key,seed0..seed3
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                int index = indexOfKey(cells[0]);
                present[index] = true;
                for (int s = 0; s < SEEDS; s++) {
                    losses[index * SEEDS + s] = Double.parseDouble(cells[1 + s]);
                }
            }
        }
    }

    private int indexOfKey(String key) {
        int index = 0;
        for (int p = 0; p < radix.length; p++) {
            index = index * radix[p] + (key.charAt(p) - '0');
        }
        return index;
    }

    List<String> names() {
        return names;
    }

    List<List<Object>> choices() {
        return choices;
    }

    /** How many configurations the file held. */
    int keys() {
        int count = 0;
        for (boolean p : present) {
            count += p ? 1 : 0;
        }
        return count;
    }

    /** The configuration index of the choice indices {@code digits} (one per parameter). */
    int index(int[] digits) {
        int index = 0;
        for (int p = 0; p < radix.length; p++) {
            index = index * radix[p] + digits[p];
        }
        if (!present[index]) {
            throw new IllegalArgumentException("no table entry for " + Arrays.toString(digits));
        }
        return index;
    }

    double loss(int index, int seed) {
        return losses[index * SEEDS + seed];
    }

    double meanLoss(int index) {
        double sum = 0;
        for (int s = 0; s < SEEDS; s++) {
            sum += loss(index, s);
        }
        return sum / SEEDS;
    }

    /** The smallest mean over all configurations. */
    double bestMean() {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < present.length; i++) {
            if (present[i]) {
                best = Math.min(best, meanLoss(i));
            }
        }
        return best;
    }
}
