package ai.kinora.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.kinora.media.RgbFrame;
import ai.kinora.world.Canvas;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the VAE tests: seeding, comparison and small Kinora World clips. */
final class VaeTesting {

  private VaeTesting() {}

  static void seed(int seed) {
    Engine.getInstance().setRandomSeed(seed);
  }

  static double maxAbsDifference(NDArray a, NDArray b) {
    assertEquals(a.getShape(), b.getShape(), "shapes differ");
    double[] x = a.toType(DataType.FLOAT64, false).toDoubleArray();
    double[] y = b.toType(DataType.FLOAT64, false).toDoubleArray();
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] - y[i]));
    }
    return max;
  }

  /** The first {@code frames} frames of a seeded random Kinora World scene on {@code canvas}. */
  static List<RgbFrame> worldClip(Canvas canvas, int frames, long seed) {
    Scene scene =
        new SceneSampler(
                SceneSampler.Settings.defaults()
                    .withCanvases(Weighted.uniform(canvas))
                    .withDurations(Weighted.uniform(Math.max(1.0, frames / 8.0))),
                seed)
            .nextScene();
    SceneRenderer renderer = new SceneRenderer(scene, canvas, seed);
    List<RgbFrame> clip = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      clip.add(renderer.renderFrame(i, 8));
    }
    return clip;
  }
}
