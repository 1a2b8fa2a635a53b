package dev.hpo.strategy.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void reconstructsASymmetricMatrixFromOrthonormalEigenvectors() {
        // given a symmetric positive definite 4x4 matrix with strong off-diagonal terms
        double[][] a = {
            {4.0, 1.2, -0.5, 0.3},
            {1.2, 3.0, 0.8, -0.2},
            {-0.5, 0.8, 2.0, 0.6},
            {0.3, -0.2, 0.6, 1.0}};
        // when it is decomposed
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[][] b = eigen.vectors();
        // then B diag(values) B^T gives it back and B^T B is the identity
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double rebuilt = 0;
                double gram = 0;
                for (int k = 0; k < 4; k++) {
                    rebuilt += b[i][k] * eigen.values()[k] * b[j][k];
                    gram += b[k][i] * b[k][j];
                }
                assertThat(rebuilt).isCloseTo(a[i][j], within(1e-12));
                assertThat(gram).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
        for (double value : eigen.values()) {
            assertThat(value).isPositive();
        }
    }

    @Test
    void leavesADiagonalMatrixAsItIs() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 0}, {0, 5}});
        assertThat(eigen.values()).containsExactly(2, 5);
        assertThat(eigen.vectors()[0]).containsExactly(1, 0);
    }
}
