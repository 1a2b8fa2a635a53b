package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.Budget;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.Trial;

class CmaEsStrategyTest {

    private static final SearchSpace CUBE = new SearchSpace(List.of(
            new UniformRange("x", -5, 5, null, true),
            new UniformRange("y", -5, 5, null, true),
            new UniformRange("z", -5, 5, null, true)));

    private static double quadratic(Map<String, Object> p) {
        double x = (Double) p.get("x") - 1.5;
        double y = (Double) p.get("y") + 2;
        double z = (Double) p.get("z") - 0.5;
        return x * x + 2 * y * y + 3 * z * z;
    }

    private static SearchStrategy cmaes(Map<String, Object> settings, SearchSpace space) {
        return new CmaEsSpec().create(settings, space, SequentialDriver.MINIMIZE, new Budget(null, null, null, 1));
    }

    @Test
    void findsTheMinimumRegionOfAQuadraticIn3d() {
        // given CMA-ES on a 3-d quadratic with its minimum at (1.5, -2, 0.5)
        // when it runs 150 experiments
        List<Trial> trials = SequentialDriver.run(cmaes(Map.of(), CUBE), CUBE, 7, 150, CmaEsStrategyTest::quadratic);
        // then the best point is close to the minimum, far closer than random search gets (about 1 at this budget)
        assertThat(SequentialDriver.best(trials)).isLessThan(1e-3);
    }
}
