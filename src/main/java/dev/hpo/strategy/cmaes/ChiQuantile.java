package dev.hpo.strategy.cmaes;

/**
 * Quantiles of the chi distribution with {@code n} degrees of freedom: the length of an n-dimensional standard
 * normal vector. {@code P(|z| <= r) = P(n / 2, r^2 / 2)}, the regularised lower incomplete gamma function, computed
 * by its series below {@code a + 1} and by Lentz's continued fraction for its complement above (Numerical Recipes,
 * section 6.2), and inverted by bisection.
 */
final class ChiQuantile {

    private static final int MAX_TERMS = 500;
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;

    private ChiQuantile() {
    }

    /** The length {@code r} with {@code P(|z| <= r) = p}, for 0 < p < 1. */
    static double of(int n, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie strictly between 0 and 1, not " + p);
        }
        double lo = 0;
        double hi = Math.sqrt(n) + 10;
        while (cdf(n, hi) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 80 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(n, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** {@code P(|z| <= r)} for an n-dimensional standard normal {@code z}. */
    static double cdf(int n, double r) {
        if (r <= 0) {
            return 0;
        }
        double a = n / 2.0;
        double x = r * r / 2;
        return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int k = 1; k < MAX_TERMS; k++) {
            term *= x / (a + k);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Gamma(a) for a half-integer or integer {@code a >= 1/2}, exactly by the recurrence. */
    private static double logGamma(double a) {
        double value = Math.abs(a - Math.rint(a)) < 1e-9 ? 0 : 0.5 * Math.log(Math.PI);
        for (double k = Math.abs(a - Math.rint(a)) < 1e-9 ? 1 : 0.5; k < a - 1e-9; k += 1) {
            value += Math.log(k);
        }
        return value;
    }
}
