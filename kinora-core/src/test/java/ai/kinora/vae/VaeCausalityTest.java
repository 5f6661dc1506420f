package ai.kinora.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Causality in time: the first frame is encoded on its own (an image is a one-frame video), later
 * frames never change earlier latents, and later latents never change earlier decoded frames.
 */
class VaeCausalityTest {

  static final double TOLERANCE = 1e-4;

  NDManager base;
  VideoVae vae;

  @BeforeEach
  void setUp() {
    VaeTesting.seed(3);
    base = NDManager.newBaseManager();
    vae = new VideoVae(base, VaeConfig.TINY);
  }

  @AfterEach
  void tearDown() {
    vae.close();
    base.close();
  }

  @Test
  void encodingFrameZeroAloneGivesTheFirstLatentFrameOfTheWholeClip() {
    try (Step step = vae.step()) {
      NDArray video = step.manager().randomUniform(-1, 1, new Shape(1, 3, 9, 32, 24));
      NDArray whole = vae.encode(video).get(":, :, 0:1"); // (1, L, 1, 4, 3)
      NDArray alone = vae.encode(video.get(":, :, 0:1"));
      double diff = VaeTesting.maxAbsDifference(whole, alone);
      assertTrue(diff <= TOLERANCE, "frame 0 alone differs by " + diff);
    }
  }

  @Test
  void laterFramesNeverChangeEarlierLatentFrames() {
    try (Step step = vae.step()) {
      NDManager m = step.manager();
      NDArray video = m.randomUniform(-1, 1, new Shape(1, 3, 13, 16, 16));
      NDArray z = vae.encode(video);
      // Latent frame j (j >= 1) covers frames 4j - 3 .. 4j; change everything after frame 4j.
      for (int j = 0; j < 3; j++) {
        NDArray changed = video.duplicate();
        int from = 4 * j + 1;
        changed.set(
            new NDIndex(":, :, " + from + ":"),
            m.randomUniform(-1, 1, new Shape(1, 3, 13 - from, 16, 16)));
        NDArray y = vae.encode(changed);
        String kept = ":, :, 0:" + (j + 1);
        double before = VaeTesting.maxAbsDifference(z.get(kept), y.get(kept));
        assertTrue(before <= TOLERANCE, "latents <= " + j + " changed by " + before);
        String later = ":, :, " + (j + 1) + ":";
        double after = VaeTesting.maxAbsDifference(z.get(later), y.get(later));
        assertTrue(after > 1e-3, "later latents should change, changed by " + after);
      }
    }
  }

  @Test
  void laterLatentFramesNeverChangeEarlierDecodedFrames() {
    try (Step step = vae.step()) {
      NDManager m = step.manager();
      NDArray z = m.randomNormal(new Shape(1, 8, 4, 2, 2));
      NDArray video = vae.decode(z); // (1, 3, 13, 16, 16)
      for (int j = 0; j < 3; j++) {
        NDArray changed = z.duplicate();
        changed.set(
            new NDIndex(":, :, " + (j + 1) + ":"), m.randomNormal(new Shape(1, 8, 3 - j, 2, 2)));
        NDArray y = vae.decode(changed);
        String kept = ":, :, 0:" + (4 * j + 1); // latent j decodes to frames up to 4j
        double before = VaeTesting.maxAbsDifference(video.get(kept), y.get(kept));
        assertTrue(before <= TOLERANCE, "frames <= " + 4 * j + " changed by " + before);
      }
    }
  }

  @Test
  void anImageDecodesToExactlyTheFirstFrameOfTheVideo() {
    try (Step step = vae.step()) {
      NDArray z = step.manager().randomNormal(new Shape(1, 8, 3, 2, 3));
      NDArray first = vae.decode(z).get(":, :, 0:1");
      NDArray alone = vae.decode(z.get(":, :, 0:1"));
      double diff = VaeTesting.maxAbsDifference(first, alone);
      assertTrue(diff <= TOLERANCE, "latent frame 0 alone decodes differently by " + diff);
    }
  }
}
