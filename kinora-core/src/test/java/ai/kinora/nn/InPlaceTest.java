package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** In-place copies keep the tensor (and its trainability) and change only its values. */
class InPlaceTest extends ParametersFixture {

  @Override
  int seed() {
    return 5;
  }

  @Test
  void copiesIntoATrainableParameterThatLayersStillHold() {
    Linear linear = new Linear(ns.child("l"), 3, 2, true);
    NDArray held = linear.weight();
    float[] values = {1, 2, 3, 4, 5, 6};
    InPlace.copy(base.create(values, new Shape(2, 3)), params.get("l.weight"));
    assertSame(held, params.get("l.weight"));
    assertArrayEquals(values, held.toFloatArray());
    assertTrue(held.hasGradient(), "still trainable");
    try (Step step = Step.open(params)) {
      Gradients g = step.backward(() -> linear.forward(step.manager().ones(new Shape(1, 3))).sum());
      assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, g.get("l.weight").toFloatArray());
    }
  }

  @Test
  void convertsTheDtypeAndRefusesAnotherShape() {
    NDArray target = params.createState("s", new Shape(2), DataType.FLOAT32, Init.ZEROS);
    InPlace.copy(base.create(new double[] {0.5, -2}), target);
    assertArrayEquals(new float[] {0.5f, -2f}, target.toFloatArray());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InPlace.copy(base.zeros(new Shape(3)), target));
    assertTrue(e.getMessage().contains("(3)"), e.getMessage());
  }
}
