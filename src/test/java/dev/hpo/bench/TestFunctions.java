package dev.hpo.bench;

/**
 * Higher-dimensional test functions of the widened benchmark, as defined in Surjanovic &amp; Bingham's Virtual Library
 * of Simulation Experiments (sfu.ca/~ssurjano), all minimized, any dimension d.
 */
final class TestFunctions {

    /** Styblinski-Tang's minimiser in each coordinate: the root of 4x^3 - 32x + 5 near -2.9035. */
    static final double STYBLINSKI_TANG_X;
    /** Styblinski-Tang's minimum per coordinate (about -39.16617). */
    static final double STYBLINSKI_TANG_MIN;

    static {
        double x = -2.9;
        for (int i = 0; i < 50; i++) {
            x -= (4 * x * x * x - 32 * x + 5) / (12 * x * x - 32);
        }
        STYBLINSKI_TANG_X = x;
        STYBLINSKI_TANG_MIN = 0.5 * (x * x * x * x - 16 * x * x + 5 * x);
    }

    private TestFunctions() {
    }

    /** Rosenbrock: sum_{i<d} 100 (x_{i+1} - x_i^2)^2 + (x_i - 1)^2; minimum 0 at (1, ..., 1). */
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /**
     * Levy: with w_i = 1 + (x_i - 1)/4, sin^2(pi w_1) + sum_{i<d} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1))
     * + (w_d - 1)^2 (1 + sin^2(2 pi w_d)); minimum 0 at (1, ..., 1).
     */
    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double first = Math.sin(Math.PI * w[0]);
        double sum = first * first;
        for (int i = 0; i + 1 < d; i++) {
            double s = Math.sin(Math.PI * w[i] + 1);
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * s * s);
        }
        double last = Math.sin(2 * Math.PI * w[d - 1]);
        return sum + (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + last * last);
    }

    /** Styblinski-Tang: 0.5 sum_i (x_i^4 - 16 x_i^2 + 5 x_i); minimum d * {@link #STYBLINSKI_TANG_MIN}. */
    static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v * v * v - 16 * v * v + 5 * v;
        }
        return sum / 2;
    }

    /** Ackley with a = 20, b = 0.2, c = 2 pi (as {@code ackley_mixed}); minimum 0 at the origin. */
    static double ackley(double[] x) {
        return AckleyMixed.value(x);
    }
}
