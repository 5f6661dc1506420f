package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.flow.RectifiedFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Foreground loss weights and the weighted velocity loss they feed. */
class ForegroundWeightsTest {

  final NDManager m = NDManager.newBaseManager();

  @AfterEach
  void close() {
    m.close();
  }

  @Test
  void anObjectGetsOnePlusAlphaAndTheBackgroundLittleMore() {
    // One clip of 10 tokens, 2 features: background (0.5, -1), an object token at index 3.
    float[] x = new float[20];
    for (int i = 0; i < 10; i++) {
      x[2 * i] = 0.5f;
      x[2 * i + 1] = -1f;
    }
    x[6] = 2f;
    x[7] = 1f;
    float[] w = ForegroundWeights.of(m.create(x, new Shape(1, 10, 2)), 4).toFloatArray();
    assertEquals(5f, w[3], 1e-5);
    // The mean latent lies a tenth of the way to the object: a background token is 1/81 of the
    // object's distance (0.9^2) from it, and the mean distance is (9 / 81 + 1) / 10 of it = 1/9.
    for (int i = 0; i < 10; i++) {
      if (i != 3) {
        assertEquals(1 + 4 / 9f, w[i], 1e-5, "background token " + i);
      }
    }
  }

  @Test
  void aUniformClipAndAlphaZeroGiveAllOnes() {
    NDArray uniform = m.full(new Shape(2, 6, 3), 0.7f);
    assertArrayEquals(new float[12], ForegroundWeights.of(uniform, 3).sub(1).toFloatArray(), 1e-6f);
    NDArray random = m.randomNormal(new Shape(2, 6, 3));
    assertArrayEquals(new float[12], ForegroundWeights.of(random, 0).sub(1).toFloatArray(), 1e-6f);
  }

  @Test
  void weightsOfZeroAndOneAreTheFreeTokenMaskOfThePlainLoss() {
    NDArray target = m.zeros(new Shape(1, 3, 2));
    NDArray predicted = m.create(new float[] {1, 1, 2, 2, 100, 100}, new Shape(1, 3, 2));
    NDArray mask = m.create(new boolean[] {false, false, true}, new Shape(1, 3));
    NDArray free = m.create(new float[] {1, 1, 0}, new Shape(1, 3));
    assertEquals(
        RectifiedFlow.loss(predicted, target, mask).getFloat(),
        RectifiedFlow.weightedLoss(predicted, target, free).getFloat(),
        1e-6);
    // Weight 3 on the second token: (1 * 1 + 3 * 4) / (1 + 3) per element.
    NDArray weighted = m.create(new float[] {1, 3, 0}, new Shape(1, 3));
    assertEquals(13 / 4f, RectifiedFlow.weightedLoss(predicted, target, weighted).getFloat(), 1e-6);
    assertThrows(
        IllegalArgumentException.class,
        () -> RectifiedFlow.weightedLoss(predicted, target, m.zeros(new Shape(1, 3))));
  }
}
