package dev.hpo.strategy.tpe;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Budget;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * A private tuning aid (not a test): runs tpe and random search on the protocol's problems, sequentially, and
 * prints median regrets. The real benchmark is the bench branch's; run with
 * {@code java -cp target/classes:target/test-classes:<deps> dev.hpo.strategy.tpe.TpeEvaluation [problem...]}.
 */
public final class TpeEvaluation {

    record Problem(String name, SearchSpace space, double optimum,
                   BiFunction<Map<String, Object>, Integer, double[]> evaluate) {
    }

    static final List<Objective> OBJECTIVES = List.of(new Objective("loss", "loss", Sign.MIN));

    public static void main(String[] args) throws IOException {
        List<String> names = args.length > 0 ? List.of(args[0].split(",")) : List.of("branin", "hartmann6");
        Map<String, Object> settings = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=");
            settings.put(kv[0], kv[1].equals("true") || kv[1].equals("false") ? (Object) Boolean.valueOf(kv[1])
                    : kv[1].contains(".") ? (Object) Double.valueOf(kv[1]) : (Object) Long.valueOf(kv[1]));
        }
        int seeds = Integer.getInteger("seeds", 20);
        int budget = Integer.getInteger("budget", 100);
        for (String name : names) {
            Problem problem = problem(name);
            double[][] random = new double[seeds][];
            double[][] tpe = new double[seeds][];
            double[][] mv = new double[seeds][];
            long t0 = System.nanoTime();
            String variants = System.getProperty("variants", "tpe,mv");
            for (int seed = 0; seed < seeds; seed++) {
                random[seed] = run(problem, null, seed, budget);
                if (variants.contains("tpe")) {
                    tpe[seed] = run(problem, new TpeSpec().create(settings, problem.space(), OBJECTIVES, null), seed, budget);
                }
            }
            double tpeSeconds = (System.nanoTime() - t0) / 1e9 / seeds;
            Map<String, Object> mvSettings = new HashMap<>(settings);
            mvSettings.put("multivariate", true);
            for (int seed = 0; seed < seeds && variants.contains("mv"); seed++) {
                mv[seed] = run(problem, new TpeSpec().create(mvSettings, problem.space(), OBJECTIVES, null), seed, budget);
            }
            print(name, "random", random, random, 0);
            if (variants.contains("tpe")) {
                print(name, "tpe", tpe, random, tpeSeconds);
            }
            if (variants.contains("mv")) {
                print(name, "tpe_mv", mv, random, 0);
            }
        }
    }

    static void print(String problem, String strategy, double[][] regrets, double[][] random, double seconds) {
        int last = regrets[0].length - 1;
        double wins = 0;
        for (int s = 0; s < regrets.length; s++) {
            double a = regrets[s][last];
            double b = random[s][last];
            wins += a < b ? 1 : a == b ? 0.5 : 0;
        }
        System.out.printf("%-16s %-8s %10.4g %10.4g %10.4g [%9.3g, %9.3g] %5.0f %6.2f%n", problem, strategy,
                median(regrets, 24), median(regrets, 49), median(regrets, last), quantile(regrets, last, 0.25),
                quantile(regrets, last, 0.75), 100 * wins / regrets.length, seconds);
    }

    static double median(double[][] regrets, int at) {
        return quantile(regrets, at, 0.5);
    }

    static double quantile(double[][] regrets, int at, double q) {
        double[] values = new double[regrets.length];
        for (int s = 0; s < values.length; s++) {
            values[s] = regrets[s][at];
        }
        Arrays.sort(values);
        double position = q * (values.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(values.length - 1, lo + 1);
        return values[lo] + (position - lo) * (values[hi] - values[lo]);
    }

    /** Regret of the incumbent after each trial. */
    static double[] run(Problem problem, SearchStrategy strategy, int seed, int budget) {
        List<Trial> trials = new ArrayList<>();
        double[] regrets = new double[budget];
        double bestObserved = Double.POSITIVE_INFINITY;
        double incumbentTrue = Double.NaN;
        for (int n = 0; n < budget; n++) {
            Map<String, Object> point;
            if (strategy == null) {
                point = problem.space().sample(Seeds.forSuggestion(seed, n));
            } else {
                StrategyContext context = new StrategyContext(problem.space(), OBJECTIVES, List.copyOf(trials), Map.of(),
                        Seeds.forSuggestion(seed, n), new Budget(null, null, budget, 1));
                Suggestion suggestion = strategy.suggest(context);
                point = ((Suggestion.Point) suggestion).parameters();
            }
            double[] value = problem.evaluate().apply(point, n);
            trials.add(new Trial(n, point, TrialState.COMPLETED, new double[] {value[0]}, new TreeMap<>(), null));
            if (value[0] < bestObserved) {
                bestObserved = value[0];
                incumbentTrue = value[1];
            }
            regrets[n] = incumbentTrue - problem.optimum();
        }
        return regrets;
    }

    static double num(Map<String, Object> point, String key) {
        return ((Number) point.get(key)).doubleValue();
    }

    static Problem problem(String name) throws IOException {
        switch (name) {
            case "branin":
                return new Problem(name, new SearchSpace(List.of(new UniformRange("x1", -5, 10, null, true),
                        new UniformRange("x2", 0, 15, null, true))), 0.39788735772973816, (p, n) -> {
                            double x1 = num(p, "x1");
                            double x2 = num(p, "x2");
                            double b = 5.1 / (4 * Math.PI * Math.PI);
                            double c = 5 / Math.PI;
                            double t = 1 / (8 * Math.PI);
                            double v = Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
                            return new double[] {v, v};
                        });
            case "hartmann6": {
                List<Parameter> ps = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    ps.add(new UniformRange("x" + i, 0, 1, null, true));
                }
                double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
                        {17, 8, 0.05, 10, 0.1, 14}};
                double[][] pp = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
                        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};
                double[] alpha = {1, 1.2, 3, 3.2};
                return new Problem(name, new SearchSpace(ps), -3.322368011415515, (p, n) -> {
                    double v = 0;
                    for (int i = 0; i < 4; i++) {
                        double inner = 0;
                        for (int j = 0; j < 6; j++) {
                            double d = num(p, "x" + j) - pp[i][j] * 1e-4;
                            inner += a[i][j] * d * d;
                        }
                        v -= alpha[i] * Math.exp(-inner);
                    }
                    return new double[] {v, v};
                });
            }
            case "ackley_mixed": {
                List<Parameter> ps = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ps.add(new UniformRange("x" + i, -32.768, 32.768, null, true));
                }
                ps.add(new IntegerRange("k0", -32, 32, 1, true));
                ps.add(new IntegerRange("k1", -32, 32, 1, true));
                return new Problem(name, new SearchSpace(ps), 0, (p, n) -> {
                    double[] x = {num(p, "x0"), num(p, "x1"), num(p, "x2"), num(p, "k0"), num(p, "k1")};
                    double sq = 0;
                    double cs = 0;
                    for (double xi : x) {
                        sq += xi * xi;
                        cs += Math.cos(2 * Math.PI * xi);
                    }
                    double v = -20 * Math.exp(-0.2 * Math.sqrt(sq / 5)) - Math.exp(cs / 5) + 20 + Math.E;
                    return new double[] {v, v};
                });
            }
            case "count_ones": {
                List<Parameter> ps = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ps.add(new DiscreteValues("c" + i, List.of("0", "1")));
                }
                for (int i = 0; i < 4; i++) {
                    ps.add(new UniformRange("u" + i, 0, 1, null, true));
                }
                return new Problem(name, new SearchSpace(ps), -8, (p, n) -> {
                    double v = 0;
                    for (int i = 0; i < 4; i++) {
                        v -= Integer.parseInt((String) p.get("c" + i)) + num(p, "u" + i);
                    }
                    return new double[] {v, v};
                });
            }
            case "lc_sim_full": {
                List<Parameter> ps = List.of(new LogUniformRange("lr", -5, -1, 10, null, true),
                        new IntegerRange("log2_batch", 4, 9, 1, true), new UniformRange("dropout", 0, 0.9, null, true),
                        new DiscreteValues("optimizer", List.of("sgd", "momentum", "adam")),
                        new LogUniformRange("width", 4, 10, 2, null, true));
                return new Problem(name, new SearchSpace(ps), 0.05, (p, n) -> {
                    double u = Math.log10(num(p, "lr"));
                    String opt = (String) p.get("optimizer");
                    double lrOpt = opt.equals("sgd") ? -1.5 : opt.equals("momentum") ? -2.0 : -3.0;
                    double offset = opt.equals("sgd") ? 0.03 : opt.equals("momentum") ? 0.01 : 0.0;
                    double lw = Math.log(Math.max(16, Math.min(1024, Math.round(num(p, "width"))))) / Math.log(2);
                    double dOpt = 0.1 + 0.4 * (lw - 4) / 6;
                    double fin = 0.05 + offset + 0.06 * Math.pow(u - lrOpt, 2) + 0.3 * Math.pow(num(p, "dropout") - dOpt, 2)
                            + 0.01 * Math.pow(num(p, "log2_batch") - 6, 2) / 4 + 0.02 * Math.pow(lw - 8, 2) / 16;
                    double tau = 1 + 12 * Math.pow(10, 0.5 * (lrOpt - u));
                    double v = fin + (1 - fin) * Math.exp(-81 / tau);
                    return new double[] {v, v};
                });
            }
            case "hpolib_protein":
                return hpolib();
            default:
                throw new IllegalArgumentException(name);
        }
    }

    static Problem hpolib() throws IOException {
        Object[][] choices = {{"relu", "tanh"}, {"relu", "tanh"}, {8, 16, 32, 64}, {0.0, 0.3, 0.6}, {0.0, 0.3, 0.6},
                {0.0005, 0.001, 0.005, 0.01, 0.05, 0.1}, {"cosine", "const"}, {16, 32, 64, 128, 256, 512},
                {16, 32, 64, 128, 256, 512}};
        String[] names = {"activation_fn_1", "activation_fn_2", "batch_size", "dropout_1", "dropout_2", "init_lr",
                "lr_schedule", "n_units_1", "n_units_2"};
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            ps.add(new DiscreteValues(names[i], List.of(choices[i])));
        }
        Map<String, double[]> table = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new FileInputStream("bench/data/hpolib/protein_structure.csv.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                if (!Character.isDigit(f[0].charAt(0))) {
                    continue;
                }
                table.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])});
            }
        }
        double optimum = Double.POSITIVE_INFINITY;
        for (double[] v : table.values()) {
            optimum = Math.min(optimum, (v[0] + v[1] + v[2] + v[3]) / 4);
        }
        return new Problem("hpolib_protein", new SearchSpace(ps), optimum, (p, n) -> {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                Object v = p.get(names[i]);
                int index = -1;
                for (int c = 0; c < choices[i].length; c++) {
                    if (Values.same(choices[i][c], v)) {
                        index = c;
                    }
                }
                key.append(index);
            }
            double[] v = table.get(key.toString());
            return new double[] {v[n % 4], (v[0] + v[1] + v[2] + v[3]) / 4};
        });
    }
}
