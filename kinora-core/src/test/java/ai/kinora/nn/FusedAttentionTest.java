package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The fused attention matches the composed reference, forwards and backwards. */
class FusedAttentionTest extends ParametersFixture {

  @Override
  int seed() {
    return 41;
  }

  @Test
  void fusedAttentionMatchesTheReferenceAndItsGradients() {
    NDArray q = params.create("q", new Shape(2, 3, 37, 16), new Init.Normal(1));
    NDArray k = params.create("k", new Shape(2, 3, 37, 16), new Init.Normal(1));
    NDArray v = params.create("v", new Shape(2, 3, 37, 16), new Init.Normal(1));
    double[] fused;
    double[] reference;
    double[][] fusedGradients = new double[3][];
    try (Step step = Step.open(params)) {
      NDArray weights = step.manager().randomNormal(new Shape(2, 3, 37, 16));
      Gradients g =
          step.backward(() -> FusedAttention.scaledDotProduct(q, k, v).mul(weights).sum());
      fused = NnTesting.values(FusedAttention.scaledDotProduct(q, k, v));
      fusedGradients[0] = NnTesting.values(g.get("q"));
      fusedGradients[1] = NnTesting.values(g.get("k"));
      fusedGradients[2] = NnTesting.values(g.get("v"));
      Gradients r = step.backward(() -> Attention.scaledDotProduct(q, k, v).mul(weights).sum());
      reference = NnTesting.values(Attention.scaledDotProduct(q, k, v));
      NnTesting.assertClose(reference, fused, 1e-5, "output");
      NnTesting.assertClose(NnTesting.values(r.get("q")), fusedGradients[0], 1e-4, "dL/dq");
      NnTesting.assertClose(NnTesting.values(r.get("k")), fusedGradients[1], 1e-4, "dL/dk");
      NnTesting.assertClose(NnTesting.values(r.get("v")), fusedGradients[2], 1e-4, "dL/dv");
    }
    assertTrue(reference.length == 2 * 3 * 37 * 16);
  }
}
