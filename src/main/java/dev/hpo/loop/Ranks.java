package dev.hpo.loop;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Ranking;

/**
 * The loop's ranking of a study's ended experiments that reported every objective, best first, with the shared
 * {@link Ranking} (loss for one objective; Pareto front, then crowding distance, for several; ties in creation
 * order). Running experiments and ones that never reported are not ranked.
 */
final class Ranks {

    private Ranks() {
    }

    /** One ranked experiment with its raw objective values. */
    record Ranked(ExperimentRow row, double[] values) {
    }

    static List<Ranked> of(StudySnapshot snapshot) {
        List<Objective> objectives = snapshot.model.objectives;
        List<Ranked> ranked = new ArrayList<>();
        for (ExperimentRow row : snapshot.experiments()) {
            if (row.ended()) {
                double[] values = snapshot.values(row);
                if (values != null) {
                    ranked.add(new Ranked(row, values));
                }
            }
        }
        return Ranking.rank(ranked, r -> {
            double[] losses = new double[r.values().length];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = objectives.get(i).loss(r.values()[i]);
            }
            return losses;
        });
    }
}
