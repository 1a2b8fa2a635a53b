package dev.hpo.strategy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The generators a study's strategy draws from: one fresh generator per suggestion, derived from the study seed
 * and the suggestion number alone.
 *
 * <p>Because the generator does not carry over from one suggestion to the next, suggestion {@code n} of a study
 * draws the same numbers whether the service ran without a break or was restarted (or another replica took
 * over) just before it. The study loop passes {@code forSuggestion(study.seed, trials.size())} as
 * {@link StrategyContext#random()}.
 *
 * <p>Seed material: the two numbers are mixed with SplitMix64's finalizer (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", 2014) into the 128-bit state of a xoroshiro128++ generator
 * ({@link RandomSource#XO_RO_SHI_RO_128_PP}). Neighbouring seeds and neighbouring suggestion numbers thereby give
 * unrelated streams. The derivation is part of the service's reproducibility contract: changing it changes
 * every seeded study's suggestions.
 */
public final class Seeds {

    /** SplitMix64's increment: the odd integer nearest to 2^64 / golden ratio. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The generator for suggestion number {@code suggestionNumber} (0-based) of a study seeded {@code studySeed}. */
    public static UniformRandomProvider forSuggestion(long studySeed, int suggestionNumber) {
        long study = mix(studySeed + GOLDEN_GAMMA);
        long key = mix(study ^ mix((suggestionNumber + 1L) * GOLDEN_GAMMA));
        long s0 = mix(key + GOLDEN_GAMMA);
        long s1 = mix(key + 2 * GOLDEN_GAMMA);
        if (s0 == 0 && s1 == 0) {
            // xoroshiro's one forbidden state; unreachable in practice, but cheap to rule out.
            s0 = GOLDEN_GAMMA;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /**
     * A fresh seed for a study created without one. Kept below 2^53 and non-negative so that clients reading
     * JSON numbers as doubles (JavaScript) see the exact seed and can reproduce the study.
     */
    public static long randomSeed() {
        return RandomSource.createLong() >>> 11;
    }

    /** SplitMix64's output function (variant 13 of Stafford's mixers): a bijection that spreads every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
