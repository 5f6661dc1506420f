package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.CheckpointException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Motion loss weights for the VAE, the weighted MSE, and the option in the training record. */
class MotionWeightsTest {

  final NDManager m = NDManager.newBaseManager();

  @AfterEach
  void close() {
    m.close();
  }

  /** A (1, 3, T, 1, W) clip of background -0.5 with one bright pixel at x = t in frame t. */
  private NDArray movingDot(int frames, int width) {
    float[] v = new float[3 * frames * width];
    java.util.Arrays.fill(v, -0.5f);
    for (int c = 0; c < 3; c++) {
      for (int t = 0; t < frames; t++) {
        v[(c * frames + t) * width + t] = 0.8f;
      }
    }
    return m.create(v, new Shape(1, 3, frames, 1, width));
  }

  @Test
  void whatMovesAndWhereItWasWithinFourFramesWeighsOnePlusAlpha() {
    int frames = 9;
    int width = 16;
    float[] w = MotionWeights.of(movingDot(frames, width), 3).toFloatArray(); // (1,1,9,1,16)
    assertEquals(frames * width, w.length);
    for (int t = 0; t < frames; t++) {
      for (int x = 0; x < width; x++) {
        // The dot is at x = t; frame t differs from frame t' at x = t and x = t'.
        boolean moving = x < frames && Math.abs(x - t) <= MotionWeights.SPAN;
        assertEquals(moving ? 4f : 1f, w[t * width + x], 1e-6, "frame " + t + ", x " + x);
      }
    }
  }

  @Test
  void imagesAndStillClipsGetUniformWeights() {
    NDArray image = m.randomUniform(-1, 1, new Shape(2, 3, 1, 4, 4));
    NDArray still = image.repeat(2, 5); // (2, 3, 5, 4, 4), every frame the same
    for (NDArray x : new NDArray[] {image, still}) {
      NDArray w = MotionWeights.of(x, 8);
      assertEquals(x.getShape().get(2), w.getShape().get(2));
      assertEquals(1f, w.min().getFloat(), 0f);
      assertEquals(1f, w.max().getFloat(), 0f);
    }
  }

  @Test
  void theWeightedMseIsAWeightedMeanOfTheSquaredErrors() {
    NDArray x = movingDot(5, 8);
    NDArray recon = x.add(m.randomNormal(new Shape(1, 3, 5, 1, 8)).mul(0.1f));
    float plain = recon.sub(x).square().mean().getFloat();
    NDArray ones = m.ones(new Shape(1, 1, 5, 1, 8));
    assertEquals(plain, MotionWeights.weightedMse(recon, x, ones).getFloat(), 1e-6);
    // All the weight on one pixel: its squared error, averaged over the 3 channels.
    float[] single = new float[40];
    single[9] = 1f; // frame 1, x = 1
    NDArray w = m.create(single, new Shape(1, 1, 5, 1, 8));
    float expected = recon.sub(x).square().get(":, :, 1, 0, 1").mean().getFloat();
    assertEquals(expected, MotionWeights.weightedMse(recon, x, w).getFloat(), 1e-6);
  }

  @Test
  void theRecordKeepsTheMotionWeightAndOldRecordsReadAsPlain() throws CheckpointException {
    VaeTrainingConfig c = VaeTrainingConfig.tiny(10).withMotionWeight(4);
    ObjectNode json = c.toJson();
    assertEquals(4, VaeTrainingConfig.fromJson(json, "test").motionWeight(), 0);
    json.remove("motion_weight");
    assertEquals(0, VaeTrainingConfig.fromJson(json, "test").motionWeight(), 0);
    assertThrows(
        IllegalArgumentException.class, () -> VaeTrainingConfig.tiny(10).withMotionWeight(-1));
  }

  @Test
  void aTinyRunTrainsUnderTheWeightedLoss() {
    VaeTrainingConfig c = VaeTrainingConfig.tiny(3).withMotionWeight(4);
    try (NDManager base = NDManager.newBaseManager();
        VaeTrainer trainer = VaeTrainer.start(base, c, new WorldClips())) {
      for (int i = 0; i < 3; i++) {
        VaeTrainer.StepReport r = trainer.step();
        assertEquals(i + 1, r.step());
        assertEquals(true, Double.isFinite(r.loss()) && r.mse() > 0, r.toString());
      }
    }
  }
}
