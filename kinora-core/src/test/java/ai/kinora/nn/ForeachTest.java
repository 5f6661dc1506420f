package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-tensor kernels against the same arithmetic op by op: norm, clipping, zeroing, the EMA
 * and fused AdamW (against {@link AdamW#updateComposed} over several updates of two identical
 * stores); list arguments keep their arrays' names and are updated in place.
 */
class ForeachTest extends ParametersFixture {

  @Override
  int seed() {
    return 47;
  }

  /** A matrix, a kernel, a bias and a scale, as a model has them, with random values. */
  private static List<NDArray> tensors(Parameters store) {
    Namespace n = store.root();
    return List.of(
        n.create("w", new Shape(5, 7), new Init.Normal(1)),
        n.create("k", new Shape(3, 2, 1, 3, 3), new Init.Normal(0.5)),
        n.create("b", new Shape(7), new Init.Normal(0.1)),
        n.create("s", new Shape(2), Init.ONES));
  }

  @Test
  void normScaleAndZeroMatchThePlainArithmetic() {
    List<NDArray> xs = tensors(params);
    try (Step step = Step.open(params)) {
      double sumSquares = 0;
      for (NDArray x : xs) {
        for (double v : NnTesting.values(x)) {
          sumSquares += v * v;
        }
      }
      assertEquals(Math.sqrt(sumSquares), Foreach.norm(xs), 1e-5);
      double[] before = NnTesting.values(xs.get(2));
      Foreach.scale(xs, 0.25);
      double[] after = NnTesting.values(xs.get(2));
      for (int i = 0; i < before.length; i++) {
        assertEquals(before[i] * 0.25, after[i], 1e-7);
      }
      assertEquals(Math.sqrt(sumSquares) * 0.25, Foreach.norm(xs), 1e-5);
      Foreach.zero(xs);
      assertEquals(0, Foreach.norm(xs));
    }
    assertEquals("w", xs.get(0).getName(), "the call restores the arrays' names");
  }

  @Test
  void theNormSeesNanAndInfinity() {
    List<NDArray> xs = tensors(params);
    try (Step step = Step.open(params)) {
      assertTrue(Double.isFinite(Foreach.norm(xs)));
      xs.get(1).set(new ai.djl.ndarray.index.NDIndex("0, 0, 0, 0, 0"), Float.NaN);
      assertFalse(Double.isFinite(Foreach.norm(xs)));
      xs.get(1).set(new ai.djl.ndarray.index.NDIndex("0, 0, 0, 0, 0"), Float.POSITIVE_INFINITY);
      assertFalse(Double.isFinite(Foreach.norm(xs)));
    }
  }

  @Test
  void lerpIsTheMovingAverage() {
    List<NDArray> xs = tensors(params);
    List<NDArray> ys = new ArrayList<>();
    try (Step step = Step.open(params)) {
      for (NDArray x : xs) {
        ys.add(step.manager().randomNormal(x.getShape()));
      }
      double[] e = NnTesting.values(xs.get(0));
      double[] p = NnTesting.values(ys.get(0));
      Foreach.lerp(xs, ys, 0.1);
      double[] moved = NnTesting.values(xs.get(0));
      for (int i = 0; i < e.length; i++) {
        assertEquals(0.9 * e[i] + 0.1 * p[i], moved[i], 1e-6);
      }
    }
  }

  @Test
  void anArrayCannotBeTwoListEntries() {
    List<NDArray> xs = tensors(params);
    try (Step step = Step.open(params)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> Foreach.lerp(xs, List.of(xs.get(3), xs.get(2), xs.get(1), xs.get(0)), 0.5));
    }
  }

  @Test
  void fusedAdamWFollowsTheComposedUpdate() {
    try (Parameters other = new Parameters(base, DataType.FLOAT32)) {
      List<NDArray> fusedWeights = tensors(params);
      List<NDArray> composedWeights = tensors(other);
      for (int i = 0; i < fusedWeights.size(); i++) {
        InPlace.copy(fusedWeights.get(i), composedWeights.get(i));
      }
      AdamW.Config config = new AdamW.Config(0.9, 0.99, 1e-8, 0.05);
      AdamW fused = new AdamW(params, config);
      AdamW composed = new AdamW(other, config);
      Map<Parameters, AdamW> optimisers = Map.of(params, fused, other, composed);
      for (int update = 0; update < 5; update++) {
        double lr = 0.01 * (update + 1);
        for (Parameters store : List.of(params, other)) {
          try (Step step = Step.open(store)) {
            NnTesting.seed(100 + update); // the same targets for both stores
            Gradients g = step.backward(() -> loss(step, store));
            if (store == params) {
              optimisers.get(store).update(g, lr);
            } else {
              optimisers.get(store).updateComposed(g, lr);
            }
          }
        }
      }
      for (String name : List.of("w", "k", "b", "s")) {
        for (String state : List.of("", "adam.m.", "adam.v.")) {
          NnTesting.assertClose(
              NnTesting.values(other.get(state + name)),
              NnTesting.values(params.get(state + name)),
              1e-6,
              state + name);
        }
      }
      assertEquals(5, fused.stepCount());
    }
  }

  /** A loss whose gradients differ in size and sign between tensors and steps. */
  private static NDArray loss(Step step, Parameters store) {
    NDArray total = null;
    for (String name : List.of("w", "k", "b", "s")) {
      NDArray p = store.get(name);
      NDArray target = step.manager().randomNormal(p.getShape());
      NDArray term = p.sub(target).square().sum().mul(name.length() + 0.5);
      total = total == null ? term : total.add(term);
    }
    return total;
  }
}
