package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The prepared look-ups of {@link PointKeys} answer exactly as the straightforward computation does. */
class PointKeysProperties {

    @Provide
    Arbitrary<SearchSpace> spaces() {
        Arbitrary<Parameter> any = Arbitraries.oneOf(SpaceArbitraries.finiteParameter(),
                SpaceArbitraries.numericRange().map(r -> (Parameter) r));
        Arbitrary<Map<String, Object>> combination = Arbitraries.oneOf(
                        any.map(p -> (Object) p), Arbitraries.of("a", "b").map(s -> (Object) s),
                        Arbitraries.longs().between(0, 3).map(l -> (Object) l), Arbitraries.of(1.0, 2.5).map(d -> (Object) d))
                .list().ofMinSize(1).ofMaxSize(3).map(entries -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < entries.size(); i++) {
                        Object entry = entries.get(i);
                        map.put("k" + i, entry instanceof Parameter p ? SpaceArbitraries.renamed(p, "k" + i) : entry);
                    }
                    return map;
                });
        Arbitrary<ParameterSet> set = combination.list().ofMinSize(1).ofMaxSize(3)
                .filter(PointKeysProperties::distinct).map(list -> new ParameterSet(null, list));
        return Combinators.combine(any.list().ofMinSize(0).ofMaxSize(3), set.injectNull(0.4)).as((plain, chosen) -> {
            List<Parameter> parameters = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                parameters.add(SpaceArbitraries.renamed(plain.get(i), "p" + i));
            }
            if (chosen != null) {
                parameters.add(chosen);
            }
            return parameters;
        }).filter(list -> !list.isEmpty()).map(SearchSpace::new);
    }

    private static boolean distinct(List<Map<String, Object>> combinations) {
        try {
            new ParameterSet(null, combinations);
            return true;
        } catch (InvalidSpaceException repeated) {
            return false;
        }
    }

    @Property(tries = 400)
    void keysAndMembershipMatchTheStraightforwardComputation(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> point = space.sample(random);
            points.add(point);
            points.add(perturbed(point, random));
            points.add(perturbed(perturbed(point, random), random));
        }
        for (Map<String, Object> point : points) {
            assertThat(space.canonicalKey(point)).as("%s", point).isEqualTo(LegacyCanonicalKey.of(space, point));
            assertThat(space.holds(point)).as("%s", point).isEqualTo(LegacyCanonicalKey.holds(space, point));
        }
        List<String> keys = points.stream().map(space::canonicalKey).toList();
        List<PointId> ids = points.stream().map(space::pointId).toList();
        for (int a = 0; a < points.size(); a++) {
            for (int b = 0; b < points.size(); b++) {
                boolean sameKey = keys.get(a).equals(keys.get(b));
                assertThat(ids.get(a).equals(ids.get(b))).as("%s vs %s", points.get(a), points.get(b)).isEqualTo(sameKey);
                if (sameKey) {
                    assertThat(ids.get(a).hashCode()).isEqualTo(ids.get(b).hashCode());
                }
            }
        }
    }

    @Property(tries = 200)
    void triedPointsAnswerAsASetOfCanonicalKeys(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> point = space.sample(random);
            history.add(random.nextBoolean() ? point : perturbed(point, random));
        }
        Set<String> keys = new HashSet<>();
        history.forEach(point -> keys.add(space.canonicalKey(point)));
        TriedPoints tried = space.triedPoints(history);

        for (int i = 0; i < 2 * TriedPoints.SCANS_BEFORE_INDEX; i++) {
            Map<String, Object> question = switch (random.nextInt(3)) {
                case 0 -> history.get(random.nextInt(history.size()));
                case 1 -> perturbed(history.get(random.nextInt(history.size())), random);
                default -> space.sample(random);
            };
            assertThat(tried.contains(question)).as("%s", question).isEqualTo(keys.contains(space.canonicalKey(question)));
            if (i == 1) {
                tried.add(question);
                keys.add(space.canonicalKey(question));
            }
        }
        assertThat(tried.distinctCount()).isEqualTo(keys.size());
    }

    /** One random change: another number type, lattice noise, an off-range value, a missing or extra key. */
    private static Map<String, Object> perturbed(Map<String, Object> point, UniformRandomProvider random) {
        Map<String, Object> copy = new LinkedHashMap<>(point);
        List<String> keys = new ArrayList<>(copy.keySet());
        if (keys.isEmpty()) {
            copy.put("zz", 1L);
            return copy;
        }
        String key = keys.get(random.nextInt(keys.size()));
        Object value = copy.get(key);
        switch (random.nextInt(9)) {
            case 0 -> copy.put(key, value instanceof Number n ? (Object) n.doubleValue() : value);
            case 1 -> copy.put(key, value instanceof Number n ? (Object) (n.doubleValue() * (1 + 1e-12)) : value);
            case 2 -> copy.put(key, value instanceof Number n ? (Object) (n.doubleValue() + 0.37) : "x");
            case 3 -> copy.put(key, value instanceof Number n ? new BigDecimal(n.toString()) : value);
            case 4 -> copy.remove(key);
            case 5 -> copy.put("zz" + random.nextInt(3), random.nextBoolean() ? 1 : List.of(1));
            case 6 -> copy.put(key, null);
            case 7 -> copy.put(key, value instanceof Number n ? (Object) n.floatValue() : value);
            default -> copy.put(key, value instanceof Number n ? (Object) n.intValue() : String.valueOf(value));
        }
        return copy;
    }

    @Provide
    Arbitrary<LatticePoints> lattices() {
        Arbitrary<Double> min = Arbitraries.oneOf(Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 1000.0),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(9), Arbitraries.of(0.1, 1e-7, 123456.789, -3.3e-5));
        Arbitrary<Double> step = Arbitraries.oneOf(Arbitraries.of(0.01, 0.05, 0.1, 0.3, 0.7, 1e-6, 2.5e-4, 3.0, 0.001),
                Arbitraries.doubles().between(1e-4, 10).ofScale(9));
        return Combinators.combine(min, step, Arbitraries.integers().between(1, 100_000), Arbitraries.of(true, false))
                .as((low, stride, points, includeMax) -> new LatticePoints(low, low + stride * points, stride, includeMax));
    }

    @Property(tries = 300)
    void latticePointsAreTheExactDecimalPoints(@ForAll("lattices") LatticePoints lattice, @ForAll long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double min = lattice.point(0);
        double step = lattice.step();
        for (int i = 0; i < 200; i++) {
            long k = i < 3 ? lattice.count() - 1 - i : random.nextLong(lattice.count());
            if (k >= 0) {
                assertThat(lattice.point(k)).as("point %d", k).isEqualTo(Lattice.point(min, step, k));
            }
        }
    }
}
