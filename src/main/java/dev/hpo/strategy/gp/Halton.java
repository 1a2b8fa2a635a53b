package dev.hpo.strategy.gp;

/**
 * Start-up points: the Halton sequence (radical inverses in the first d prime bases) shifted modulo 1 by a random
 * vector drawn once per study (Cranley-Patterson rotation), so that the first experiments cover the box more
 * evenly than independent draws while different seeds still get different designs.
 */
final class Halton {

    private Halton() {
    }

    /** Point {@code index} (0-based) in {@code shift.length} dimensions. */
    static double[] point(long index, double[] shift) {
        double[] x = new double[shift.length];
        int prime = 1;
        for (int j = 0; j < x.length; j++) {
            prime = nextPrime(prime);
            double value = radicalInverse(index + 1, prime) + shift[j];
            x[j] = value - Math.floor(value);
        }
        return x;
    }

    static double radicalInverse(long n, int base) {
        double result = 0;
        double fraction = 1.0 / base;
        while (n > 0) {
            result += (n % base) * fraction;
            n /= base;
            fraction /= base;
        }
        return result;
    }

    private static int nextPrime(int after) {
        int candidate = after + 1;
        while (!prime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean prime(int n) {
        if (n < 2) {
            return false;
        }
        for (int k = 2; (long) k * k <= n; k++) {
            if (n % k == 0) {
                return false;
            }
        }
        return true;
    }
}
