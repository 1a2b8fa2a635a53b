package dev.hpo.strategy.cmaes;

/**
 * The margin of "CMA-ES with Margin" (Hamano et al., GECCO 2022), in a simplified form: after each update, every
 * integer or stepped dimension keeps a probability of at least {@code alpha = 1 / (n * popsize)} of producing a
 * value other than the one the mean rounds to, so that discrete dimensions keep exploring instead of freezing on a
 * plateau of the rounding.
 *
 * <p>With {@code s = sigma * sqrt(C_ii)} the marginal spread of dimension i and {@code [lo, up]} the rounding cell
 * of the mean: in an inner cell each side must get at least {@code alpha / 2}; when it does not, the margin scale
 * {@code A_i} widens the evaluated samples ({@code m + A (x - m)}) until the farther side gets exactly that. In an
 * end cell (one neighbour only) the mean is moved towards the inner boundary until that side gets {@code alpha},
 * as the paper does for the edge case. {@code A} is recomputed from scratch each generation and never below 1;
 * it never feeds back into the update, which learns from the raw samples.
 */
final class Margin {

    private Margin() {
    }

    static double alpha(int n, int popsize) {
        return 1.0 / (n * popsize);
    }

    static CmaDistribution apply(CmaDistribution distribution, CmaEncoding encoding, double alpha) {
        int n = distribution.dimension();
        double[] mean = distribution.mean().clone();
        double[] scale = new double[n];
        double edgeQuantile = StandardNormal.quantile(1 - alpha);
        double innerQuantile = StandardNormal.quantile(1 - alpha / 2);
        for (int i = 0; i < n; i++) {
            scale[i] = 1;
            if (!encoding.discrete(i) || encoding.cells(i) < 2) {
                continue;
            }
            double s = distribution.sigma() * Math.sqrt(distribution.covariance()[i][i]);
            if (!(s > 0)) {
                continue;
            }
            double width = encoding.cellWidths()[i];
            int last = encoding.cells(i) - 1;
            int cell = (int) Math.max(0, Math.min(last, Math.floor(mean[i] / width)));
            double lo = cell * width;
            double up = (cell + 1) * width;
            if (cell == 0) {
                if (1 - StandardNormal.cdf((up - mean[i]) / s) < alpha) {
                    mean[i] = up - s * edgeQuantile;
                }
            } else if (cell == last) {
                if (StandardNormal.cdf((lo - mean[i]) / s) < alpha) {
                    mean[i] = lo + s * edgeQuantile;
                }
            } else {
                double farther = Math.max(mean[i] - lo, up - mean[i]);
                double needed = farther / innerQuantile;
                scale[i] = Math.max(1, needed / s);
            }
        }
        return new CmaDistribution(distribution.generation(), mean, distribution.sigma(), distribution.covariance(),
                distribution.pathC(), distribution.pathSigma(), scale);
    }
}
