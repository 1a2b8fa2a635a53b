package dev.hpo.space;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SearchSpaceProperties {

    @Provide
    Arbitrary<NumericRange> numericRanges() {
        return SpaceArbitraries.numericRange();
    }

    @Provide
    Arbitrary<Parameter> finiteParameters() {
        return SpaceArbitraries.finiteParameter();
    }

    @Provide
    Arbitrary<SearchSpace> spaces() {
        Arbitrary<Parameter> parameter = Arbitraries.oneOf(SpaceArbitraries.finiteParameter(),
                SpaceArbitraries.continuousUniform().map(r -> (Parameter) r));
        return parameter.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<Parameter> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                named.add(SpaceArbitraries.renamed(list.get(i), "p" + i));
            }
            return new SearchSpace(named);
        }).filter(space -> sizeOrZero(space) > 0 && sizeOrZero(space) <= 20_000);
    }

    @Provide
    Arbitrary<SearchSpace> spacesWithSets() {
        Arbitrary<Parameter> nested = SpaceArbitraries.finiteParameter();
        Arbitrary<Map<String, Object>> combination = Arbitraries.oneOf(
                nested.map(p -> (Object) p), Arbitraries.of("a", "b").map(s -> (Object) s), Arbitraries.longs().between(0, 3).map(l -> (Object) l))
                .list().ofMinSize(1).ofMaxSize(3).map(entries -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    // a marker keeps combinations apart: overlapping combinations legitimately repeat grid points
                    map.put("variant", (long) entries.hashCode());
                    for (int i = 0; i < entries.size(); i++) {
                        Object entry = entries.get(i);
                        map.put("k" + i, entry instanceof Parameter p ? SpaceArbitraries.renamed(p, "k" + i) : entry);
                    }
                    return map;
                });
        return Arbitraries.oneOf(combination.list().ofMinSize(1).ofMaxSize(3).uniqueElements(c -> c.get("variant")),
                        combination.list().ofSize(1))
                .flatMap(combinations -> SpaceArbitraries.finiteParameter().map(head -> new SearchSpace(List.of(
                        SpaceArbitraries.renamed(head, "head"), new ParameterSet(null, combinations)))))
                .filter(space -> sizeOrZero(space) > 0 && sizeOrZero(space) <= 20_000);
    }

    private static long sizeOrZero(SearchSpace space) {
        try {
            return space.gridSize();
        } catch (InvalidSpaceException tooLarge) {
            return 0;
        }
    }

    private static UniformRandomProvider random(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Property(tries = 300)
    void sampledValuesAreHeldAndNeverPastMax(@ForAll("numericRanges") NumericRange range, @ForAll long seed) {
        SearchSpace space = new SearchSpace(List.of(range));
        UniformRandomProvider random = random(seed);
        double highestValue = ((Number) range.valueAt(range.high())).doubleValue();
        double lowestValue = ((Number) range.valueAt(range.low())).doubleValue();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> point = space.sample(random);
            assertThat(space.holds(point)).as("%s holds %s", range, point).isTrue();
            double value = ((Number) point.get(range.name())).doubleValue();
            assertThat(value).isBetween(Math.min(lowestValue, highestValue), Math.max(lowestValue, highestValue));
        }
    }

    @Property(tries = 200)
    void samplingAndTheGridHoldTheSameValues(@ForAll("finiteParameters") Parameter parameter, @ForAll long seed) {
        SearchSpace space = new SearchSpace(List.of(parameter));
        Set<Object> grid = new HashSet<>();
        for (long i = 0; i < space.gridSize(); i++) {
            grid.add(space.gridPoint(i).get(parameter.name()));
        }
        Set<Object> sampled = new HashSet<>();
        UniformRandomProvider random = random(seed);
        // 40 draws per value miss one with probability below n * e^-40
        for (long i = 0; i < 40 * space.gridSize(); i++) {
            sampled.add(space.sample(random).get(parameter.name()));
        }
        assertThat(sampled).as("%s", parameter).isEqualTo(grid);
    }

    @Property(tries = 300)
    void valueAtInvertsCoordinateOf(@ForAll("numericRanges") NumericRange range, @ForAll long seed) {
        SearchSpace space = new SearchSpace(List.of(range));
        UniformRandomProvider random = random(seed);
        for (int i = 0; i < 50; i++) {
            Object value = space.sample(random).get(range.name());
            assertThat(range.valueAt(range.coordinateOf(value))).as("%s at %s", range, value).isEqualTo(value);
        }
    }

    @Property(tries = 300)
    void valueAtStaysInsideTheSearchScale(@ForAll("numericRanges") NumericRange range, @ForAll double coordinate) {
        double c = range.coordinateOf(range.valueAt(coordinate));

        assertThat(c).isBetween(range.low() - 1e-9 * Math.abs(range.low()), range.high() + 1e-9 * Math.abs(range.high()) + 1e-12);
        assertThat(new SearchSpace(List.of(range)).holds(Map.of(range.name(), range.valueAt(coordinate)))).isTrue();
    }

    @Property(tries = 150)
    void gridPointsAreDistinctHeldAndAsManyAsTheSize(@ForAll("spaces") SearchSpace space) {
        assertGridCoversItsSize(space);
    }

    @Property(tries = 150)
    void gridsWithParameterSetsAreDistinctAndHeld(@ForAll("spacesWithSets") SearchSpace space, @ForAll long seed) {
        assertGridCoversItsSize(space);
        UniformRandomProvider random = random(seed);
        for (int i = 0; i < 50; i++) {
            Map<String, Object> point = space.sample(random);
            assertThat(space.holds(point)).as("%s", point).isTrue();
        }
    }

    private static void assertGridCoversItsSize(SearchSpace space) {
        Set<String> keys = new HashSet<>();
        for (long i = 0; i < space.gridSize(); i++) {
            Map<String, Object> point = space.gridPoint(i);
            assertThat(space.holds(point)).as("%s", point).isTrue();
            keys.add(space.canonicalKey(point));
        }
        assertThat((long) keys.size()).isEqualTo(space.gridSize());
    }

    @Property(tries = 200)
    void codecRoundTrips(@ForAll("spacesWithSets") SearchSpace withSets, @ForAll("spaces") SearchSpace plain) {
        assertThat(SpaceCodec.fromJson(SpaceCodec.toJson(withSets))).isEqualTo(withSets);
        assertThat(SpaceCodec.fromJson(SpaceCodec.toJson(plain))).isEqualTo(plain);
    }

    @Property(tries = 200)
    void canonicalKeyIgnoresTheNumberTypeOfIntegralValues(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
        Map<String, Object> point = space.sample(random(seed));
        Map<String, Object> asDoubles = new LinkedHashMap<>();
        point.forEach((key, value) -> asDoubles.put(key, value instanceof Long l ? (Object) l.doubleValue() : value));

        assertThat(space.canonicalKey(asDoubles)).isEqualTo(space.canonicalKey(point));
        assertThat(space.holds(asDoubles)).isTrue();
    }
}
