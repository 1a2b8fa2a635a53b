package dev.hpo.strategy.cmaes;

import java.util.List;

/**
 * One generation's update of the distribution from its ranked samples (Hansen's tutorial, 2016, equations
 * 39-47): mean by weighted recombination of the best half, cumulative step-size adaptation, and the rank-one plus
 * rank-mu covariance update with active (negative) weights for the worse half and the {@code h_sigma} stall guard.
 */
final class CmaUpdate {

    /** The step size never grows past this in [0, 1] coordinates: larger only resamples to the box corners. */
    static final double MAX_SIGMA = 1e3;

    private CmaUpdate() {
    }

    /**
     * @param current the distribution the samples were drawn from
     * @param ranked  the raw samples (as drawn, before the margin), best first; at least two
     */
    static CmaDistribution apply(CmaDistribution current, List<double[]> ranked) {
        int n = current.dimension();
        CmaConstants k = CmaConstants.of(n, ranked.size());
        double[] weights = k.weights();
        double sigma = current.sigma();
        double[] mean = current.mean();

        double[][] steps = new double[ranked.size()][];
        double[] weightedStep = new double[n];
        for (int r = 0; r < ranked.size(); r++) {
            double[] x = ranked.get(r);
            steps[r] = new double[n];
            for (int i = 0; i < n; i++) {
                steps[r][i] = (x[i] - mean[i]) / sigma;
                if (r < k.mu()) {
                    weightedStep[i] += weights[r] * steps[r][i];
                }
            }
        }
        double[] newMean = new double[n];
        for (int i = 0; i < n; i++) {
            newMean[i] = mean[i] + sigma * weightedStep[i];
        }

        CmaDistribution.Decomposition bd = current.decompose();
        // A negative weight acts on the step rescaled to the length of a typical step (tutorial eq. 46), so a
        // far-off bad sample cannot shrink C too much.
        double[] covarianceWeights = new double[ranked.size()];
        double weightSum = 0;
        for (int r = 0; r < ranked.size(); r++) {
            covarianceWeights[r] = weights[r];
            if (weights[r] < 0) {
                double[] whitenedStep = bd.inverseSqrtTimes(steps[r]);
                double squared = 0;
                for (double v : whitenedStep) {
                    squared += v * v;
                }
                covarianceWeights[r] = squared > 0 ? weights[r] * n / squared : 0;
            }
            weightSum += weights[r];
        }

        double[] whitened = bd.inverseSqrtTimes(weightedStep);
        double[] pathSigma = new double[n];
        double csFactor = Math.sqrt(k.cs() * (2 - k.cs()) * k.mueff());
        double psNorm = 0;
        for (int i = 0; i < n; i++) {
            pathSigma[i] = (1 - k.cs()) * current.pathSigma()[i] + csFactor * whitened[i];
            psNorm += pathSigma[i] * pathSigma[i];
        }
        psNorm = Math.sqrt(psNorm);

        int generation = current.generation() + 1;
        double correction = Math.sqrt(1 - Math.pow(1 - k.cs(), 2.0 * generation));
        boolean hsig = psNorm / correction < (1.4 + 2.0 / (n + 1)) * k.chiN();

        double[] pathC = new double[n];
        double ccFactor = Math.sqrt(k.cc() * (2 - k.cc()) * k.mueff());
        for (int i = 0; i < n; i++) {
            pathC[i] = (1 - k.cc()) * current.pathC()[i] + (hsig ? ccFactor * weightedStep[i] : 0);
        }

        // Without h_sigma the rank-one term loses variance; the tutorial gives it back through delta(h_sigma).
        double deltaH = hsig ? 0 : k.cc() * (2 - k.cc());
        double keep = 1 - k.c1() - k.cmu() * weightSum + k.c1() * deltaH;
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int r = 0; r < ranked.size(); r++) {
                    rankMu += covarianceWeights[r] * steps[r][i] * steps[r][j];
                }
                double value = keep * current.covariance()[i][j] + k.c1() * pathC[i] * pathC[j] + k.cmu() * rankMu;
                covariance[i][j] = value;
                covariance[j][i] = value;
            }
        }

        double newSigma = sigma * Math.exp(k.cs() / k.damps() * (psNorm / k.chiN() - 1));
        newSigma = Math.min(newSigma, MAX_SIGMA);
        return new CmaDistribution(generation, newMean, newSigma, covariance, pathC, pathSigma,
                current.marginScale());
    }
}
