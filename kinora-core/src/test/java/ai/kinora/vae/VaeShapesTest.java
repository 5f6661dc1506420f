package ai.kinora.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Latent shapes follow the compression factors: 1 + 4k frames to 1 + k, 8x in space. */
class VaeShapesTest {

  NDManager base;
  VideoVae vae;

  @BeforeEach
  void setUp() {
    VaeTesting.seed(1);
    base = NDManager.newBaseManager();
    vae = new VideoVae(base, VaeConfig.TINY);
  }

  @AfterEach
  void tearDown() {
    vae.close();
    base.close();
  }

  void assertShapes(int frames, int height, int width) {
    try (Step step = vae.step()) {
      NDArray video = step.manager().randomUniform(-1, 1, new Shape(2, 3, frames, height, width));
      NDArray z = vae.encode(video);
      Shape latent = new Shape(2, 8, 1 + (frames - 1) / 4, height / 8, width / 8);
      assertEquals(latent, z.getShape(), frames + " frames of " + width + "x" + height);
      assertEquals(video.getShape(), vae.decode(z).getShape(), "decoded back");
      Posterior q = vae.posterior(video);
      assertEquals(latent, q.mean().getShape());
      assertEquals(latent, q.logVar().getShape());
    }
  }

  @Test
  void oneFiveNineAndThirtyThreeFramesGiveOneTwoThreeAndNineLatentFrames() {
    for (int frames : new int[] {1, 5, 9, 33}) {
      assertShapes(frames, 32, 32);
    }
  }

  @Test
  void nonSquareSizesCompressEightTimesPerSide() {
    assertShapes(5, 32, 56); // landscape
    assertShapes(5, 56, 24); // portrait
    assertShapes(1, 8, 16); // an image whose latent grid is 1x2
  }

  @Test
  void theDefaultModelHasTheSameFactors() {
    try (VideoVae big = new VideoVae(base, VaeConfig.DEFAULT);
        Step step = big.step()) {
      NDArray z = big.encode(step.manager().zeros(new Shape(1, 3, 9, 16, 24)));
      assertEquals(new Shape(1, 16, 3, 2, 3), z.getShape());
    }
  }

  @Test
  void lengthsAndSizesThatDoNotFitAreRefusedWithTheRule() {
    try (Step step = vae.step()) {
      IllegalArgumentException frames =
          assertThrows(
              IllegalArgumentException.class,
              () -> vae.encode(step.manager().zeros(new Shape(1, 3, 4, 16, 16))));
      assertTrue(frames.getMessage().contains("1 + 4k"), frames.getMessage());
      IllegalArgumentException size =
          assertThrows(
              IllegalArgumentException.class,
              () -> vae.encode(step.manager().zeros(new Shape(1, 3, 1, 16, 20))));
      assertTrue(size.getMessage().contains("multiples of 8"), size.getMessage());
    }
  }

  @Test
  void frameCountsAndPaddedLengthsFollowTheRule() {
    assertEquals(1, VaeConfig.latentFrames(1));
    assertEquals(9, VaeConfig.latentFrames(33));
    assertEquals(33, VaeConfig.videoFrames(9));
    assertEquals(1, VideoTensors.paddedLength(1));
    assertEquals(5, VideoTensors.paddedLength(2));
    assertEquals(33, VideoTensors.paddedLength(32));
    assertEquals(481, VideoTensors.paddedLength(480));
  }
}
