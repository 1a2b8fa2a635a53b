package dev.hpo.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The generator the study loop hands a strategy for suggestion number {@code n} of a study with seed
 * {@code seed}. Local stand-in until {@code dev.hpo.strategy.Seeds} lands on branch {@code strategies}.
 */
final class BenchSeeds {

    private BenchSeeds() {
    }

    static UniformRandomProvider forSuggestion(long seed, int n) {
        // A single long is expanded by SplitMix64 into the full state, which is never all zeros (an all-zero
        // xoroshiro state would output zeros forever).
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 0x9E3779B97F4A7C15L + n);
    }
}
