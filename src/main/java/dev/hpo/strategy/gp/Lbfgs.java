package dev.hpo.strategy.gp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright 2006, algorithm 7.4, two-loop recursion) with a backtracking Armijo
 * line search, kept inside a box by projecting every trial point onto it. Small and deterministic; enough for the
 * dozen hyper-parameters of a GP fit.
 */
final class Lbfgs {

    /** A differentiable function: returns f(x) and writes its gradient. */
    interface Objective {
        double value(double[] x, double[] gradient);
    }

    private static final int MEMORY = 6;
    private static final double ARMIJO = 1e-4;

    private Lbfgs() {
    }

    /** Minimizes from {@code start} (changed in place to the result) for at most {@code iterations} steps. */
    static double minimize(Objective f, double[] start, double low, double high, int iterations, double gtol) {
        int n = start.length;
        double[] x = start;
        project(x, low, high);
        double[] g = new double[n];
        double fx = f.value(x, g);
        if (!Double.isFinite(fx)) {
            return fx;
        }
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iteration = 0; iteration < iterations; iteration++) {
            if (projectedNorm(x, g, low, high) < gtol) {
                break;
            }
            double[] direction = direction(g, history);
            if (dot(direction, g) >= 0) {
                history.clear();
                direction = negate(g);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / Math.max(1e-12, norm(g))) : 1;
            double[] next = new double[n];
            double[] nextGradient = new double[n];
            double fNext = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 30; tries++) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + step * direction[i];
                }
                project(next, low, high);
                fNext = f.value(next, nextGradient);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (next[i] - x[i]);
                }
                if (Double.isFinite(fNext) && fNext <= fx + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] yDiff = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - x[i];
                yDiff[i] = nextGradient[i] - g[i];
            }
            if (dot(s, yDiff) > 1e-12) {
                history.addLast(new double[][] {s, yDiff});
                if (history.size() > MEMORY) {
                    history.removeFirst();
                }
            }
            boolean converged = fx - fNext < 1e-9 * Math.max(1, Math.abs(fx));
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextGradient, 0, g, 0, n);
            fx = fNext;
            if (converged) {
                break;
            }
        }
        return fx;
    }

    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alphas = new double[m];
        int k = m - 1;
        for (Iterator<double[][]> it = history.descendingIterator(); it.hasNext(); k--) {
            double[][] pair = it.next();
            alphas[k] = dot(pair[0], q) / dot(pair[1], pair[0]);
            axpy(-alphas[k], pair[1], q);
        }
        if (m > 0) {
            double[][] last = history.peekLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (double[][] pair : history) {
            double beta = dot(pair[1], q) / dot(pair[1], pair[0]);
            axpy(alphas[k] - beta, pair[0], q);
            k++;
        }
        return negate(q);
    }

    /** Norm of the gradient's components that can still move x inside the box. */
    private static double projectedNorm(double[] x, double[] g, double low, double high) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            boolean stuck = x[i] <= low && g[i] > 0 || x[i] >= high && g[i] < 0;
            if (!stuck) {
                sum += g[i] * g[i];
            }
        }
        return Math.sqrt(sum);
    }

    private static void project(double[] x, double low, double high) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(high, Math.max(low, x[i]));
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }
}
