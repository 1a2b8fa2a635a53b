package dev.hpo.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ParetoProperties {

    /** Loss vectors on a coarse grid so ties and equal points are common. */
    @Provide
    Arbitrary<List<double[]>> losses() {
        return Arbitraries.integers().between(1, 3).flatMap(objectives ->
                Arbitraries.integers().between(0, 6).map(i -> (double) i).array(double[].class).ofSize(objectives)
                        .list().ofMaxSize(40));
    }

    @Property(tries = 300)
    void noItemIsDominatedByOneInItsOwnOrALaterFront(@ForAll("losses") List<double[]> losses) {
        List<List<Integer>> fronts = Pareto.frontIndices(losses);
        for (int f = 0; f < fronts.size(); f++) {
            for (int i : fronts.get(f)) {
                for (int g = f; g < fronts.size(); g++) {
                    for (int j : fronts.get(g)) {
                        assertThat(Pareto.dominates(losses.get(j), losses.get(i))).isFalse();
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void everyLaterFrontMemberIsDominatedByTheFrontBefore(@ForAll("losses") List<double[]> losses) {
        List<List<Integer>> fronts = Pareto.frontIndices(losses);
        for (int f = 1; f < fronts.size(); f++) {
            List<Integer> previous = fronts.get(f - 1);
            for (int i : fronts.get(f)) {
                assertThat(previous.stream().anyMatch(j -> Pareto.dominates(losses.get(j), losses.get(i)))).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void frontsPartitionTheItems(@ForAll("losses") List<double[]> losses) {
        List<Integer> all = new ArrayList<>();
        Pareto.frontIndices(losses).forEach(all::addAll);

        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, losses.size()).boxed().toList());
    }

    @Property(tries = 300)
    void rankingIsAPermutationThatNeverPutsADominatedItemFirst(@ForAll("losses") List<double[]> losses) {
        List<double[]> ranked = Ranking.rank(losses, v -> v);

        assertThat(ranked).containsExactlyInAnyOrderElementsOf(losses);
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                assertThat(Pareto.dominates(ranked.get(j), ranked.get(i))).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void singleObjectiveRankingIsSortedAndStable(@ForAll @IntRange(min = 0, max = 40) int size, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<double[]> losses = IntStream.range(0, size).mapToObj(i -> new double[] {random.nextInt(5)}).toList();

        List<double[]> ranked = Ranking.rank(losses, v -> v);

        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1)[0]).isLessThanOrEqualTo(ranked.get(i)[0]);
            if (ranked.get(i - 1)[0] == ranked.get(i)[0]) {
                assertThat(losses.indexOf(ranked.get(i - 1))).isLessThan(losses.indexOf(ranked.get(i)));
            }
        }
    }
}
