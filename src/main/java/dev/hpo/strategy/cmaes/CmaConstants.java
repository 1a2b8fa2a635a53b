package dev.hpo.strategy.cmaes;

/**
 * The strategy parameters of CMA-ES for a dimension and a number of ranked samples, as Hansen's tutorial
 * ("The CMA Evolution Strategy: A Tutorial", 2016, table 1) sets them, with the negative weights of active CMA.
 *
 * @param weights recombination weights of the best {@code mu} samples, summing to 1
 * @param mueff   variance-effective selection mass
 * @param cc      learning rate of the rank-one evolution path
 * @param cs      learning rate of the step-size path
 * @param c1      rank-one update rate
 * @param cmu     rank-mu update rate
 * @param damps   step-size damping
 * @param chiN    expected length of an n-dimensional standard normal vector
 */
record CmaConstants(double[] weights, int mu, double mueff, double cc, double cs, double c1, double cmu, double damps,
                    double chiN) {

    /** Generations a first run should get within the study's budget (see {@link #budgetedPopulation}). */
    static final int MIN_GENERATIONS = 20;

    /** The smallest population: weighted recombination of the better half needs two parents. */
    static final int MIN_POPULATION = 4;

    /** The default population size {@code 4 + floor(3 ln n)}. */
    static int defaultPopulation(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    /**
     * The first run's population for a study of at most {@code totalMaxJobs} experiments (null: unbounded): the
     * default, but no larger than {@code totalMaxJobs / MIN_GENERATIONS} and never below {@value #MIN_POPULATION}.
     * Hansen's default is set for robustness over long runs; within a hundred experiments it leaves a dozen
     * generations, too few for the step size and C to adapt (the covariance learning rates are about
     * {@code 2 / n^2} per generation), so a short study trades population for generations, and IPOP restarts
     * still double the population when a run converges.
     */
    static int budgetedPopulation(int n, Integer totalMaxJobs) {
        int population = defaultPopulation(n);
        if (totalMaxJobs != null) {
            population = Math.min(population, Math.max(MIN_POPULATION, totalMaxJobs / MIN_GENERATIONS));
        }
        return population;
    }

    static CmaConstants of(int n, int samples) {
        int mu = Math.max(1, samples / 2);
        double[] raw = new double[samples];
        double positiveSum = 0;
        double positiveSquares = 0;
        double negativeSum = 0;
        double negativeSquares = 0;
        for (int i = 0; i < samples; i++) {
            raw[i] = Math.log((samples + 1) / 2.0) - Math.log(i + 1);
            if (i < mu) {
                positiveSum += raw[i];
                positiveSquares += raw[i] * raw[i];
            } else {
                negativeSum += raw[i];
                negativeSquares += raw[i] * raw[i];
            }
        }
        double mueff = positiveSum * positiveSum / positiveSquares;
        double mueffMinus = negativeSquares == 0 ? 0 : negativeSum * negativeSum / negativeSquares;
        double cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        double cs = (mueff + 2) / (n + mueff + 5);
        double c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        double cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        double damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        // Negative weights (active CMA, tutorial equation 53): scaled so C stays positive definite.
        double alphaMu = 1 + c1 / cmu;
        double alphaMueff = 1 + 2 * mueffMinus / (mueff + 2);
        double alphaPosdef = (1 - c1 - cmu) / (n * cmu);
        double negativeScale = Math.min(alphaMu, Math.min(alphaMueff, alphaPosdef));
        double[] weights = new double[samples];
        for (int i = 0; i < samples; i++) {
            weights[i] = raw[i] >= 0 ? raw[i] / positiveSum : negativeScale * raw[i] / Math.abs(negativeSum);
        }
        return new CmaConstants(weights, mu, mueff, cc, cs, c1, cmu, damps, chiN);
    }
}
