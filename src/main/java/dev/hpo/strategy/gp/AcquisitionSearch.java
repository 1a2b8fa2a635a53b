package dev.hpo.strategy.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Maximizes log EI over the unit box: many random candidates plus perturbations of the best experiments, then a
 * steepest-ascent coordinate search from the few best of them (Optuna's GP sampler does the same with L-BFGS-B; log EI being
 * smooth where it matters, coordinate steps that halve on failure get as close for far fewer evaluations). Every
 * point is scored snapped to what the space can hold (lattice cell centres, category indexes), so the search
 * compares real points; a lattice coordinate moves by whole cells, a categorical one tries its other values.
 */
final class AcquisitionSearch {

    /** Perturbations drawn around each of the best experiments. */
    private static final int PERTURBATIONS = 8;
    /** Best experiments perturbed. */
    private static final int INCUMBENTS = 4;
    /** Standard deviation of a perturbation, in unit-box units. */
    private static final double PERTURBATION_SCALE = 0.05;
    /** First coordinate step of the local search (continuous coordinates), and the smallest one. */
    private static final double FIRST_STEP = 0.05;
    private static final double LAST_STEP = 1e-3;
    /** Moves of one local search at most. */
    private static final int MAX_MOVES = 12;
    /** Categories tried per categorical coordinate and sweep (all of them when fewer). */
    private static final int MAX_CATEGORIES = 8;

    /** A scored point of the unit box. */
    record Candidate(double[] x, double score) {
    }

    private final List<GpDimension> dimensions;
    private final Posterior posterior;
    private final double best;

    AcquisitionSearch(List<GpDimension> dimensions, Posterior posterior, double best) {
        this.dimensions = dimensions;
        this.posterior = posterior;
        this.best = best;
    }

    /**
     * Candidates best first (snapped): the local-search results first, then the other candidates, so a caller
     * whose first choice repeats an experiment has the next best at hand.
     */
    List<Candidate> search(List<double[]> incumbents, int randomCandidates, int starts, UniformRandomProvider random) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        List<double[]> points = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < randomCandidates; i++) {
            double[] x = new double[dimensions.size()];
            for (int j = 0; j < x.length; j++) {
                GpDimension dimension = dimensions.get(j);
                x[j] = dimension.categorical() ? random.nextInt(dimension.cells()) : random.nextDouble();
            }
            points.add(snapped(x));
        }
        for (int k = 0; k < Math.min(INCUMBENTS, incumbents.size()); k++) {
            for (int i = 0; i < PERTURBATIONS; i++) {
                double[] x = incumbents.get(k).clone();
                for (int j = 0; j < x.length; j++) {
                    GpDimension dimension = dimensions.get(j);
                    if (dimension.categorical()) {
                        if (random.nextInt(x.length) == 0) {
                            x[j] = random.nextInt(dimension.cells());
                        }
                    } else {
                        x[j] += PERTURBATION_SCALE * gaussian.sample();
                    }
                }
                points.add(snapped(x));
            }
        }
        double[] scores = scores(points);
        for (int c = 0; c < scores.length; c++) {
            candidates.add(new Candidate(points.get(c), scores[c]));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> refined = new ArrayList<>();
        for (int s = 0; s < Math.min(starts, candidates.size()); s++) {
            refined.add(localSearch(candidates.get(s)));
        }
        refined.sort(Comparator.comparingDouble(Candidate::score).reversed());
        refined.addAll(candidates);
        return refined;
    }

    /**
     * Steepest ascent over the coordinate neighbourhood: every coordinate moved by its step both ways (a categorical
     * one to each of its other values) is scored in one batch, the best move taken if it improves; otherwise the
     * continuous steps shrink fourfold, down to {@link #LAST_STEP}.
     */
    private Candidate localSearch(Candidate start) {
        double[] x = start.x().clone();
        double score = start.score();
        double[] steps = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            GpDimension dimension = dimensions.get(j);
            steps[j] = dimension.kind() == GpDimension.Kind.LATTICE ? 1.0 / dimension.cells() : FIRST_STEP;
        }
        for (int move = 0; move < MAX_MOVES; move++) {
            List<double[]> neighbours = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                GpDimension dimension = dimensions.get(j);
                if (dimension.categorical()) {
                    int tries = Math.min(MAX_CATEGORIES, dimension.cells());
                    for (int t = 1; t < tries; t++) {
                        double[] neighbour = x.clone();
                        neighbour[j] = (x[j] + t) % dimension.cells();
                        neighbours.add(neighbour);
                    }
                } else {
                    for (double direction : new double[] {1, -1}) {
                        double moved = dimension.snap(x[j] + direction * steps[j]);
                        if (moved != x[j]) {
                            double[] neighbour = x.clone();
                            neighbour[j] = moved;
                            neighbours.add(neighbour);
                        }
                    }
                }
            }
            double[] scores = neighbours.isEmpty() ? new double[0] : scores(neighbours);
            int best = -1;
            for (int c = 0; c < scores.length; c++) {
                if (scores[c] > score && (best < 0 || scores[c] > scores[best])) {
                    best = c;
                }
            }
            if (best >= 0) {
                x = neighbours.get(best);
                score = scores[best];
                continue;
            }
            boolean shrunk = false;
            for (int j = 0; j < x.length; j++) {
                if (dimensions.get(j).kind() == GpDimension.Kind.CONTINUOUS && steps[j] > LAST_STEP) {
                    steps[j] /= 4;
                    shrunk = true;
                }
            }
            if (!shrunk) {
                break;
            }
        }
        return new Candidate(x, score);
    }

    private double[] snapped(double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] = dimensions.get(j).snap(x[j]);
        }
        return x;
    }

    /** Log EI of each point, in one batch. */
    private double[] scores(List<double[]> points) {
        int m = points.size();
        double[] means = new double[m];
        double[] variances = new double[m];
        posterior.predict(points.toArray(new double[0][]), means, variances);
        double[] scores = new double[m];
        for (int c = 0; c < m; c++) {
            scores[c] = LogEi.of(means[c], variances[c], best);
        }
        return scores;
    }
}
