package dev.hpo.strategy.gp;

/**
 * Log expected improvement for minimization, computed so that it stays accurate where EI itself underflows:
 * {@code log EI = log sigma + log h(z)}, {@code z = (best - mean) / sigma}, {@code h(z) = phi(z) + z Phi(z)}, with
 * {@code log h} in the stable form of Ament et al. 2023 ("Unexpected improvements to expected improvement for
 * Bayesian optimization", NeurIPS, eq. 9): direct for {@code z > -1}, and via the scaled complementary error
 * function below it, so that the search still has a slope to climb far from the incumbent.
 */
final class LogEi {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_SQRT_HALF_PI = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT_2 = Math.sqrt(2);

    private LogEi() {
    }

    static double of(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance);
        return Math.log(sigma) + logH((best - mean) / sigma);
    }

    /** log(phi(z) + z Phi(z)). */
    static double logH(double z) {
        if (z > -1) {
            double phi = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
            double cdf = 0.5 * erfcx(-z / SQRT_2) * Math.exp(-0.5 * z * z);
            return Math.log(phi + z * cdf);
        }
        if (z < -25) {
            // far tail: h(z) = phi(z) / z^2 (1 - 3/z^2 + 15/z^4 - ...), where the form below loses its digits
            double inverse = 1 / (z * z);
            return -0.5 * z * z - LOG_SQRT_2PI + Math.log(inverse) + Math.log1p(-3 * inverse + 15 * inverse * inverse);
        }
        // z <= -1: h(z) = phi(z) (1 - |z| sqrt(pi/2) erfcx(|z| / sqrt2))
        double tail = Math.log(erfcx(-z / SQRT_2) * Math.abs(z)) + LOG_SQRT_HALF_PI;
        return -0.5 * z * z - LOG_SQRT_2PI + log1mexp(tail);
    }

    /** log(1 - exp(a)) for a < 0 (Maechler 2012: two branches keep it accurate near 0 and far below). */
    static double log1mexp(double a) {
        return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }

    /**
     * The scaled complementary error function {@code exp(x^2) erfc(x)}. For x >= 0 the Chebyshev fit of Numerical
     * Recipes ("erfcc", fractional error below 1.2e-7) already has the form {@code t exp(-x^2 + poly(t))}, so the
     * factor {@code exp(-x^2)} cancels and nothing overflows; for x < 0, {@code 2 exp(x^2) - erfcx(-x)}.
     */
    static double erfcx(double x) {
        if (x < 0) {
            return 2 * Math.exp(x * x) - erfcx(-x);
        }
        if (x > 1e4) {
            return 1 / (x * Math.sqrt(Math.PI));
        }
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(poly);
    }
}
