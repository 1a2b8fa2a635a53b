package dev.hpo.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's {@code format(x, '.Ng')} and {@code '.Nf'}, so the tables read exactly like ANCHORS.md's. */
final class PyFormat {

    private PyFormat() {
    }

    /** Shortest of fixed or scientific with {@code digits} significant digits, trailing zeros removed. */
    static String g(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String mantissa = rounded.unscaledValue().abs().toString().replaceAll("0+$", "");
            String text = mantissa.length() > 1 ? mantissa.charAt(0) + "." + mantissa.substring(1) : mantissa;
            return (x < 0 ? "-" : "") + text + String.format("e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        return rounded.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /** Fixed point with {@code decimals} places, ties to even as Python does. */
    static String f(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return g(x, 1);
        }
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
