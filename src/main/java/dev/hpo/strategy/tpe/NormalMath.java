package dev.hpo.strategy.tpe;

/**
 * The standard normal distribution as the Parzen estimators need it: log masses of intervals that stay accurate
 * far in the tails, and inverse-CDF sampling of a truncated normal. JDK only, so the strategy has no numeric library.
 */
final class NormalMath {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_2 = Math.sqrt(2);

    private NormalMath() {
    }

    /**
     * log erfc(x) for x >= 0 from the Chebyshev fit in Numerical Recipes ("erfcc"), whose fractional error is below
     * 1.2e-7 everywhere; written in log form so it never underflows, however far the tail.
     */
    static double logErfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - x * x + poly;
    }

    /** log P(Z > z) for z >= 0. */
    static double logUpperTail(double z) {
        return logErfc(z / SQRT_2) - Math.log(2);
    }

    /** P(Z > z). */
    static double upperTail(double z) {
        if (z >= 0) {
            return Math.exp(logUpperTail(z));
        }
        return 1 - Math.exp(logUpperTail(-z));
    }

    /** P(Z <= z). */
    static double cdf(double z) {
        return upperTail(-z);
    }

    /** log P(a < Z < b) for a < b, accurate for narrow cells and deep tails alike. */
    static double logMass(double a, double b) {
        double width = b - a;
        double mid = 0.5 * (a + b);
        if (width * (1 + Math.abs(mid)) < 0.5) {
            // Simpson's rule in log space: exact enough for a narrow cell, and free of the cancellation that
            // subtracting two nearly equal tail probabilities would suffer.
            double la = -0.5 * a * a;
            double lm = Math.log(4) - 0.5 * mid * mid;
            double lb = -0.5 * b * b;
            double max = Math.max(la, Math.max(lm, lb));
            double sum = Math.exp(la - max) + Math.exp(lm - max) + Math.exp(lb - max);
            return Math.log(width / 6) - LOG_SQRT_2PI + max + Math.log(sum);
        }
        if (a >= 0) {
            return tailDifference(a, b);
        }
        if (b <= 0) {
            return tailDifference(-b, -a);
        }
        double inside = 1 - upperTail(b) - upperTail(-a);
        return Math.log(Math.max(inside, Double.MIN_NORMAL));
    }

    /** log(P(Z > near) - P(Z > far)) for 0 <= near < far. */
    private static double tailDifference(double near, double far) {
        double logNear = logUpperTail(near);
        double ratio = Math.exp(logUpperTail(far) - logNear);
        // narrow cells never get here (Simpson's rule takes them), so the ratio stays well below 1 and a plain log
        // of 1 - ratio loses nothing while costing far less than log1p
        return logNear + Math.log(1 - Math.min(ratio, 1 - 1e-16));
    }

    /**
     * The quantile function, by Acklam's rational approximation (relative error below 1.2e-9), which keeps its
     * accuracy in both tails.
     */
    static double inverseCdf(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double pLow = 0.02425;
        if (p < pLow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return tail(q);
        }
        if (p > 1 - pLow) {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            return -tail(q);
        }
        double q = p - 0.5;
        double r = q * q;
        double num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q;
        double den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1;
        return num / den;
    }

    private static double tail(double q) {
        double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
        double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1;
        return num / den;
    }

    /**
     * A standard normal truncated to [a, b], from one uniform {@code u} in [0, 1) by inverting the CDF; works on the
     * tail nearer zero's far side so that an interval deep in a tail keeps its precision.
     */
    static double truncatedSample(double a, double b, double u) {
        double z;
        if (a >= 0) {
            double pa = upperTail(a);
            double pb = upperTail(b);
            z = -inverseCdf(pb + u * (pa - pb));
        } else if (b <= 0) {
            double pa = cdf(a);
            double pb = cdf(b);
            z = inverseCdf(pa + u * (pb - pa));
        } else {
            double pa = cdf(a);
            double pb = cdf(b);
            z = inverseCdf(pa + u * (pb - pa));
        }
        if (Double.isNaN(z)) {
            return 0.5 * (a + b);
        }
        return Math.min(b, Math.max(a, z));
    }
}
