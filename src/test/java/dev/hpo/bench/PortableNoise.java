package dev.hpo.bench;

/**
 * Standard normal draws that a few lines of any language reproduce bit for bit (up to the last bits of log and cos):
 * SplitMix64 (Steele, Lea &amp; Flood 2014) of {@code seed * 2^32 + 2n} and {@code + 2n + 1} as two uniforms in
 * [0, 1) from their top 53 bits, then Box-Muller: {@code sqrt(-2 ln(1 - u1)) cos(2 pi u2)}.
 */
final class PortableNoise {

    private PortableNoise() {
    }

    static double normal(long seed, long n) {
        double u1 = unit(splitMix64((seed << 32) + 2 * n));
        double u2 = unit(splitMix64((seed << 32) + 2 * n + 1));
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static long splitMix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
