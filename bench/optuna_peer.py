#!/usr/bin/python3
"""Optuna 3.1's numbers on the widened problems of bench/PROTOCOL.md ("Widened problems").

Standard library plus Debian's python3-optuna (apt-get install python3-optuna; run with /usr/bin/python3).
Defines the same problems as src/test/java/dev/hpo/bench/ (same spaces, same seeded noise, same optimum) and
prints the quality table in the layout of ANCHORS.md, so the Java benchmark can read it from there.

    /usr/bin/python3 bench/optuna_peer.py                        # every widened problem, 20 seeds, 100 trials
    /usr/bin/python3 bench/optuna_peer.py --problems levy10 --samplers random,tpe --seeds 3 --trials 30
    /usr/bin/python3 bench/optuna_peer.py --problems styblinski_tang20 --samplers tpe_mv --jobs 2

Seeds are 0..n-1 and each sampler gets the seed (TPESampler(seed=s) and so on); random search runs on every
problem, it is the win% reference. The incumbent is the best observed trial so far, scored by its true value.
"""

import argparse
import csv
import gzip
import json
import math
import multiprocessing
import os
import statistics
import sys
import time
import warnings

import optuna

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------------------------
# Seeded noise that the Java side reproduces (PortableNoise.java): SplitMix64, top 53 bits, Box-Muller.

MASK = (1 << 64) - 1


def splitmix64(x):
    z = (x + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def unit(bits):
    return (bits >> 11) * 2.0 ** -53


def normal(seed, n):
    base = (seed << 32) & MASK
    u1 = unit(splitmix64((base + 2 * n) & MASK))
    u2 = unit(splitmix64((base + 2 * n + 1) & MASK))
    return math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)


# ---------------------------------------------------------------------------------------------------------------
# Test functions (Surjanovic & Bingham, sfu.ca/~ssurjano)


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for i in range(len(w) - 1):
        total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


def styblinski_tang_minimiser():
    x = -2.9
    for _ in range(50):
        x -= (4 * x ** 3 - 32 * x + 5) / (12 * x ** 2 - 32)
    return x


def ackley(x):
    n = len(x)
    squares = sum(v * v for v in x)
    cosines = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(squares / n)) - math.exp(cosines / n) + 20 + math.e


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


# ---------------------------------------------------------------------------------------------------------------
# Problems: each has ask(trial) -> point, observe(point, trial, seed) -> value, true(point) -> value, optimum.


class Box:
    """x0..x(d-1) uniform on [low, high], no noise (or Gaussian noise of sd sigma with the portable draws)."""

    def __init__(self, dims, low, high, function, optimum, sigma=0.0):
        self.dims, self.low, self.high, self.function, self.optimum, self.sigma = dims, low, high, function, optimum, sigma

    def ask(self, trial):
        return [trial.suggest_float("x%d" % i, self.low, self.high) for i in range(self.dims)]

    def true(self, point):
        return self.function(point)

    def observe(self, point, trial, seed):
        value = self.function(point)
        return value + self.sigma * normal(seed, trial.number) if self.sigma else value


class Hpolib:
    """An HPOLib table: numeric columns as an index 0..len-1 (suggest_int, as the protocol's anchor), strings as
    categories; or, as_text, every column a categorical of its values' text. Trial n observes seed column n mod 4."""

    def __init__(self, data_dir, dataset, as_text):
        with open(os.path.join(data_dir, "hpolib", "space.json")) as f:
            self.params = json.load(f)["params"]
        self.as_text = as_text
        self.table = {}
        with gzip.open(os.path.join(data_dir, "hpolib", dataset + ".csv.gz"), "rt") as f:
            reader = csv.reader(f)
            next(reader)
            for row in reader:
                self.table[row[0]] = [float(v) for v in row[1:5]]
        self.optimum = min(sum(v) / 4 for v in self.table.values())

    def ask(self, trial):
        digits = []
        for p in self.params:
            choices = p["choices"]
            if self.as_text:
                texts = [text(c) for c in choices]
                digits.append(texts.index(trial.suggest_categorical(p["name"], texts)))
            elif all(isinstance(c, (int, float)) for c in choices):
                digits.append(trial.suggest_int(p["name"], 0, len(choices) - 1))
            else:
                digits.append(choices.index(trial.suggest_categorical(p["name"], choices)))
        return "".join(str(d) for d in digits)

    def true(self, key):
        return sum(self.table[key]) / 4

    def observe(self, key, trial, seed):
        return self.table[key][trial.number % 4]


def text(value):
    """A choice's plain decimal text, as HpolibProblem.text: 0.0 -> "0", 0.0005 -> "0.0005", 16 -> "16"."""
    if isinstance(value, float):
        t = repr(value)
        if "e" in t or "E" in t:
            t = format(value, ".20f")
        t = t.rstrip("0").rstrip(".") if "." in t else t
        return t
    return str(value)


class Jenatton:
    """Jenatton et al. (ICML 2017), Ax's jenatton_test_function, asked define-by-run along its tree."""

    optimum = 0.1

    def ask(self, trial):
        point = {"x1": trial.suggest_categorical("x1", [0, 1])}
        if point["x1"] == 0:
            point["x2"] = trial.suggest_categorical("x2", [0, 1])
            leaf = "x4" if point["x2"] == 0 else "x5"
            point[leaf] = trial.suggest_float(leaf, 0, 1)
            point["r8"] = trial.suggest_float("r8", 0, 1)
        else:
            point["x3"] = trial.suggest_categorical("x3", [0, 1])
            leaf = "x6" if point["x3"] == 0 else "x7"
            point[leaf] = trial.suggest_float(leaf, 0, 1)
            point["r9"] = trial.suggest_float("r9", 0, 1)
        return point

    def true(self, p):
        if p["x1"] == 0:
            return (p["x4"] ** 2 + 0.1 if p["x2"] == 0 else p["x5"] ** 2 + 0.2) + p["r8"]
        return (p["x6"] ** 2 + 0.3 if p["x3"] == 0 else p["x7"] ** 2 + 0.4) + p["r9"]

    def observe(self, point, trial, seed):
        return self.true(point)


HARTMANN_NOISE = 0.1

NAMES = ["hpolib_naval", "hpolib_parkinsons", "hpolib_slice", "hpolib_protein_cat", "hpolib_naval_cat",
         "rosenbrock10", "levy10", "ackley10", "styblinski_tang20", "jenatton", "hartmann6_noisy"]


def problem(name, data_dir):
    st_min = styblinski_tang([styblinski_tang_minimiser()])
    return {
        "hpolib_naval": lambda: Hpolib(data_dir, "naval_propulsion", False),
        "hpolib_parkinsons": lambda: Hpolib(data_dir, "parkinsons_telemonitoring", False),
        "hpolib_slice": lambda: Hpolib(data_dir, "slice_localization", False),
        "hpolib_protein_cat": lambda: Hpolib(data_dir, "protein_structure", True),
        "hpolib_naval_cat": lambda: Hpolib(data_dir, "naval_propulsion", True),
        "rosenbrock10": lambda: Box(10, -5, 10, rosenbrock, 0.0),
        "levy10": lambda: Box(10, -10, 10, levy, 0.0),
        "ackley10": lambda: Box(10, -32.768, 32.768, ackley, 0.0),
        "styblinski_tang20": lambda: Box(20, -5, 5, styblinski_tang, 20 * st_min),
        "jenatton": lambda: Jenatton(),
        "hartmann6_noisy": lambda: Box(6, 0, 1, hartmann6, -3.322368011415515, HARTMANN_NOISE),
    }[name]()


# ---------------------------------------------------------------------------------------------------------------
# Runs and the table


def sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_mv":
        return optuna.samplers.TPESampler(multivariate=True, seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False)
    raise SystemExit("unknown sampler " + name)


def run(prob, sampler_name, seed, trials):
    """Regret of the incumbent after each trial, and the wall seconds of the run."""
    study = optuna.create_study(sampler=sampler(sampler_name, seed), direction="minimize")
    state = {"best": math.inf, "regret": math.nan}
    regrets = []

    def objective(trial):
        point = prob.ask(trial)
        value = prob.observe(point, trial, seed)
        if value < state["best"]:
            state["best"] = value
            state["regret"] = prob.true(point) - prob.optimum
        regrets.append(state["regret"])
        return value

    start = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    return regrets, time.perf_counter() - start


def run_named(job):
    """run() for a worker process: the problem is built again there from its name."""
    name, data, sampler_name, seed, trials = job
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore")
    return run(problem(name, data), sampler_name, seed, trials)


def quantile(values, q):
    """numpy's default (linear) quantile."""
    s = sorted(values)
    pos = q * (len(s) - 1)
    low = int(math.floor(pos))
    high = min(low + 1, len(s) - 1)
    return s[low] + (pos - low) * (s[high] - s[low])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", default=",".join(NAMES))
    parser.add_argument("--samplers", default="random,tpe,tpe_mv,cmaes")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--data", default=os.path.join(HERE, "data"))
    parser.add_argument("--jobs", type=int, default=1,
                        help="seeds run at once in worker processes (each run is seeded: the rows are the same)")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore")
    samplers = ["random"] + [s for s in args.samplers.split(",") if s and s != "random"]
    # 25, 50 and 100 trials, or a quarter, half and all of a shorter run (QualityTable.at on the Java side)
    at = [c if args.trials >= 100 else max(1, c * args.trials // 100) for c in (25, 50, 100)]
    print("optuna %s, %d seeds, %d trials; regret = true value of the incumbent (best observed) minus the optimum"
          % (optuna.__version__, args.seeds, args.trials))
    print("%-26s %-8s %9s %9s %9s %21s %8s %6s" % ("problem", "strategy", "med@%d" % at[0], "med@%d" % at[1],
                                                 "med@%d" % at[2], "IQR@%d" % at[2], "win%vsRS", "s/run"))
    sys.stdout.flush()
    for name in [p for p in args.problems.split(",") if p]:
        prob = problem(name, args.data)
        random_final = None
        for s in samplers:
            if args.jobs > 1:
                with multiprocessing.Pool(args.jobs) as pool:
                    runs = pool.map(run_named, [(name, args.data, s, seed, args.trials) for seed in range(args.seeds)])
            else:
                runs = [run(prob, s, seed, args.trials) for seed in range(args.seeds)]
            finals = [r[0][at[2] - 1] for r in runs]
            if random_final is None:
                random_final = finals
            wins = sum(1.0 if a < b else 0.5 if a == b else 0.0 for a, b in zip(finals, random_final))
            med = [statistics.median([r[0][c - 1] for r in runs]) for c in at]
            print("%-26s %-8s %9s %9s %9s [%9s,%9s] %8s %6s" % (
                name, s, "%.4g" % med[0], "%.4g" % med[1], "%.4g" % med[2], "%.3g" % quantile(finals, 0.25),
                "%.3g" % quantile(finals, 0.75), "%.0f" % (100 * wins / args.seeds),
                "%.2f" % statistics.median([r[1] for r in runs])))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
