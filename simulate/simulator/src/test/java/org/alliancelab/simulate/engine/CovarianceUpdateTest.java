package org.alliancelab.simulate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.alliancelab.simulate.model.Node;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.model.StructuralModel;
import org.junit.jupiter.api.Test;

/**
 * The compiled update must give exactly (bit for bit) what StructuralModel.latentCovariance
 * gives for the same drawn coefficients: the simulator's outputs are compared byte for byte
 * across versions, and a study's draw is accepted or rejected on these values.
 */
class CovarianceUpdateTest {

    /** A 5-node DAG with a latent node; the varying paths are chosen per case. */
    private static StructuralModel model() {
        List<Node> nodes = List.of(new Node("A", true, 0.8), new Node("B", true, 0.7),
            new Node("C", true, 0.9), new Node("D", true, 0.85), new Node("U", false, 1));
        List<Path> paths = List.of(new Path("U", "A", .3, 0), new Path("A", "B", .4, 0),
            new Path("U", "C", -.2, 0), new Path("B", "C", .35, 0), new Path("A", "D", .1, 0),
            new Path("C", "D", .5, 0), new Path("U", "D", .25, 0));
        return StructuralModel.of(nodes, paths, "B", "D", List.of("A"));
    }

    @Test
    void bitIdenticalToTheRecursionForEveryChoiceOfVaryingPaths() {
        StructuralModel m = model();
        double[] beta = m.coefficients();
        int k = m.nodes().size();
        SplittableRandom random = new SplittableRandom(20261126);
        // Every non-empty subset of the 7 paths varies in turn (early, late, several children).
        for (int mask = 1; mask < 1 << beta.length; mask++) {
            boolean[] varies = new boolean[beta.length];
            for (int p = 0; p < beta.length; p++) {
                varies[p] = (mask & (1 << p)) != 0;
            }
            CovarianceUpdate update = CovarianceUpdate.of(m, beta, varies);
            double[] flat = new double[k * k];
            double[] psi = new double[k];
            update.loadMean(flat, psi);
            for (int draw = 0; draw < 20; draw++) {
                double[] c = beta.clone();
                for (int p = 0; p < c.length; p++) {
                    if (varies[p]) {
                        c[p] += 0.3 * (random.nextDouble() - 0.5);
                    }
                }
                double[] psiExpected = new double[k];
                double[][] expected = new double[k][k];
                int bad = m.latentCovariance(c, psiExpected, expected);
                assertEquals(bad, update.compute(c, psi, flat), "mask " + mask);
                if (bad >= 0) {
                    update.loadMean(flat, psi);
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    assertEquals(Double.doubleToRawLongBits(psiExpected[i]), Double.doubleToRawLongBits(psi[i]),
                        "psi " + i + ", mask " + mask);
                    for (int j = 0; j < k; j++) {
                        assertEquals(Double.doubleToRawLongBits(expected[i][j]),
                            Double.doubleToRawLongBits(flat[i * k + j]), "sigma " + i + "," + j + ", mask " + mask);
                    }
                }
            }
        }
    }
}
