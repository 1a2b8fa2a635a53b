package dev.hpo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.DiscreteValues;
import dev.hpo.space.IntegerRange;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;

/**
 * Uniform sampling of the continuous, unstepped ranges and discrete values the benchmark uses, read from the
 * records' fields. Stands in for {@code SearchSpace.sample} until the {@code space} branch implements it.
 */
final class LocalSampling {

    private LocalSampling() {
    }

    static Map<String, Object> sample(SearchSpace space, UniformRandomProvider random) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            point.put(parameter.name(), sample(parameter, random));
        }
        return point;
    }

    private static Object sample(Parameter parameter, UniformRandomProvider random) {
        if (parameter instanceof UniformRange u) {
            return u.min() + random.nextDouble() * (u.max() - u.min());
        }
        if (parameter instanceof IntegerRange r) {
            long count = (r.max() - r.min()) / r.step() + (r.includeMax() ? 1 : 0);
            return r.min() + r.step() * random.nextLong(count);
        }
        if (parameter instanceof LogUniformRange l) {
            return Math.pow(l.base(), l.min() + random.nextDouble() * (l.max() - l.min()));
        }
        if (parameter instanceof DiscreteValues d) {
            return d.values().get(random.nextInt(d.values().size()));
        }
        throw new IllegalArgumentException("the benchmark's local sampler has no " + parameter.getClass().getSimpleName());
    }
}
