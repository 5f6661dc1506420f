package ai.kinora.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.CausalCache;
import ai.kinora.nn.Step;
import ai.kinora.world.Canvas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long videos in temporal chunks with a causal cache give what the whole clip gives (within 1e-4),
 * and the codec handles any length and size by the documented padding rules.
 */
class ChunkedCodingTest {

  static final double TOLERANCE = 1e-4;

  NDManager base;
  VideoVae vae;

  @BeforeEach
  void setUp() {
    VaeTesting.seed(5);
    base = NDManager.newBaseManager();
    vae = new VideoVae(base, VaeConfig.TINY);
    vae.setLatentNormalisation(
        new float[] {0.1f, -0.2f, 0.3f, 0, 0, 0.5f, -1, 2},
        new float[] {1, 2, 0.5f, 1, 3, 1, 1, 0.25f});
  }

  @AfterEach
  void tearDown() {
    vae.close();
    base.close();
  }

  @Test
  void chunkedEncodingEqualsWholeClipEncoding() {
    try (Step step = vae.step();
        CausalCache cache = new CausalCache(base)) {
      NDArray video = step.manager().randomUniform(-1, 1, new Shape(1, 3, 21, 16, 24));
      NDArray whole = vae.encode(video); // (1, 8, 6, 2, 3)
      // Chunks of 1 + 4 frames, then 4, 8 and 4 frames.
      int[] bounds = {0, 5, 9, 17, 21};
      NDList parts = new NDList();
      for (int i = 0; i + 1 < bounds.length; i++) {
        parts.add(vae.encode(video.get(":, :, " + bounds[i] + ":" + bounds[i + 1]), cache));
      }
      NDArray chunked = NDArrays.concat(parts, 2);
      double diff = VaeTesting.maxAbsDifference(whole, chunked);
      assertTrue(diff <= TOLERANCE, "chunked encoding differs by " + diff);
    }
  }

  @Test
  void chunkedDecodingEqualsWholeClipDecoding() {
    try (Step step = vae.step();
        CausalCache cache = new CausalCache(base)) {
      NDArray z = step.manager().randomNormal(new Shape(1, 8, 7, 3, 2));
      NDArray whole = vae.decode(z); // (1, 3, 25, 24, 16)
      int[] bounds = {0, 1, 3, 4, 7};
      NDList parts = new NDList();
      for (int i = 0; i + 1 < bounds.length; i++) {
        parts.add(vae.decode(z.get(":, :, " + bounds[i] + ":" + bounds[i + 1]), cache));
      }
      NDArray chunked = NDArrays.concat(parts, 2);
      double diff = VaeTesting.maxAbsDifference(whole, chunked);
      assertTrue(diff <= TOLERANCE, "chunked decoding differs by " + diff);
    }
  }

  @Test
  void theCodecPadsAnyLengthAndSizeAndRestoresThem() {
    List<RgbFrame> clip = new ArrayList<>();
    for (RgbFrame f : VaeTesting.worldClip(new Canvas(48, 32), 19, 9)) {
      clip.add(VideoTensors.cropSize(f, 43, 29)); // 43x29: not multiples of 8
    }
    VaeCodec codec = new VaeCodec(vae, 2); // chunks of 5, then 8 and 8 frames
    Latents latents = codec.encode(clip);
    assertEquals(6, latents.frames(), "19 frames pad to 21, 6 latent frames");
    assertEquals(4, latents.height());
    assertEquals(6, latents.width());
    List<RgbFrame> decoded = codec.decode(latents);
    assertEquals(19, decoded.size());
    assertEquals(43, decoded.get(0).width());
    assertEquals(29, decoded.get(0).height());

    // The same as padding by hand, coding whole, and cropping: chunking changes nothing.
    List<RgbFrame> padded = new ArrayList<>();
    for (RgbFrame f : VideoTensors.padLength(clip)) {
      padded.add(VideoTensors.padSize(f));
    }
    try (Step step = vae.step()) {
      NDArray z = vae.encode(VideoTensors.fromFrames(step.manager(), padded));
      double diff = VaeTesting.maxAbsDifference(z, latents.toArray(step.manager()));
      assertTrue(diff <= TOLERANCE, "codec latents differ from whole-clip latents by " + diff);
      List<RgbFrame> whole = VideoTensors.toFrames(vae.decode(z));
      for (int i = 0; i < decoded.size(); i++) {
        RgbFrame expected = VideoTensors.cropSize(whole.get(i), 43, 29);
        assertTrue(expected.meanAbsoluteError(decoded.get(i)) < 0.01, "frame " + i + " differs");
      }
    }
  }

  @Test
  void sizePaddingRepeatsEdgesAndCroppingUndoesIt() {
    RgbFrame f = RgbFrame.filled(3, 2, 0x102030);
    RgbFrame padded = VideoTensors.padSize(f);
    assertEquals(8, padded.width());
    assertEquals(8, padded.height());
    assertEquals(0x102030, padded.rgbAt(7, 7));
    assertTrue(f.samePixels(VideoTensors.cropSize(padded, 3, 2)));
  }
}
