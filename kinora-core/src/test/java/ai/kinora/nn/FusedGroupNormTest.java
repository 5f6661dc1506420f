package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The fused per-frame group norm (and SiLU) matches the composed reference and its gradients. */
class FusedGroupNormTest extends ParametersFixture {

  @Override
  int seed() {
    return 43;
  }

  @Test
  void fusedNormAndSiluMatchTheComposedOnesForwardsAndBackwards() {
    GroupNorm norm = new GroupNorm(ns.child("gn"), 4, 8, 1e-6);
    params.get("gn.weight").set(new float[] {0.5f, -1f, 2f, 1.5f, 1f, 0.2f, -0.7f, 3f});
    params.get("gn.bias").set(new float[] {0.1f, 0.2f, -0.3f, 0f, 1f, -1f, 0.5f, 0.05f});
    NDArray x = params.create("x", new Shape(2, 8, 5, 6, 7), new Init.Normal(2));
    try (Step step = Step.open(params)) {
      NDArray weights = step.manager().randomNormal(new Shape(2, 8, 5, 6, 7));
      NDArray shifted = x.add(0.75f); // a mean far from zero, as activations have
      NnTesting.assertClose(
          NnTesting.values(norm.composed(shifted)),
          NnTesting.values(norm.forward(shifted)),
          1e-5,
          "group norm");
      NnTesting.assertClose(
          NnTesting.values(Activations.silu(norm.composed(shifted))),
          NnTesting.values(norm.forwardSilu(shifted)),
          1e-5,
          "group norm + SiLU");
      Gradients fused = step.backward(() -> norm.forwardSilu(x.add(0.75f)).mul(weights).sum());
      double[][] got = {
        NnTesting.values(fused.get("x")),
        NnTesting.values(fused.get("gn.weight")),
        NnTesting.values(fused.get("gn.bias"))
      };
      Gradients composed =
          step.backward(() -> Activations.silu(norm.composed(x.add(0.75f))).mul(weights).sum());
      NnTesting.assertClose(NnTesting.values(composed.get("x")), got[0], 1e-4, "dL/dx");
      NnTesting.assertClose(NnTesting.values(composed.get("gn.weight")), got[1], 1e-3, "dL/dw");
      NnTesting.assertClose(NnTesting.values(composed.get("gn.bias")), got[2], 1e-3, "dL/db");
    }
  }
}
