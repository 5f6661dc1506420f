package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Causality in time: changing frames after t never changes outputs up to t, and an image (one
 * frame) gives exactly the first frame's output of any video that starts with it.
 */
class CausalityTest extends ParametersFixture {

  static final double TOLERANCE = 1e-6;

  @Override
  int seed() {
    return 7;
  }

  /**
   * For each input frame t, perturbs frames after t and checks that the outputs which may only
   * depend on frames up to t are unchanged, while some later output does change (so the test can
   * fail). {@code lastOutputSeeing} maps an input frame to the last output frame that depends on
   * input frames up to it alone.
   */
  void assertCausal(Layer layer, Shape input, LongUnaryOperator lastOutputSeeing) {
    try (Step step = Step.open(params)) {
      NDManager m = step.manager();
      NDArray x = m.randomNormal(input);
      NDArray y = layer.forward(x);
      long frames = input.get(2);
      for (long t = 0; t + 1 < frames; t++) {
        NDArray changed = x.duplicate();
        changed.set(
            new NDIndex(":, :, " + (t + 1) + ":"),
            m.randomNormal(
                new Shape(input.get(0), input.get(1), frames - t - 1, input.get(3), input.get(4))));
        NDArray z = layer.forward(changed);
        long keep = lastOutputSeeing.applyAsLong(t) + 1;
        String past = ":, :, 0:" + keep;
        double before = NnTesting.maxAbsDifference(y.get(past), z.get(past));
        assertTrue(
            before <= TOLERANCE,
            "output frames < "
                + keep
                + " changed by "
                + before
                + " when frames > "
                + t
                + " changed");
        double after =
            NnTesting.maxAbsDifference(y.get(":, :, " + keep + ":"), z.get(":, :, " + keep + ":"));
        assertTrue(
            after > 1e-3, "outputs after frame " + t + " should change, changed by " + after);
      }
    }
  }

  @Test
  void causalConvOutputAtFrameTIgnoresLaterFrames() {
    CausalConv3d conv = new CausalConv3d(ns.child("c"), CausalConv3d.Config.cube(2, 3, 3));
    assertCausal(conv, new Shape(1, 2, 5, 4, 4), t -> t);
  }

  @Test
  void resBlockOutputAtFrameTIgnoresLaterFrames() {
    ResBlock3d block = new ResBlock3d(ns.child("r"), 4, 6, 2);
    assertCausal(block, new Shape(2, 4, 5, 4, 4), t -> t);
  }

  @Test
  void downsampleOutputTSeesInputFramesUpTo2T() {
    Downsample down = new Downsample(ns.child("d"), 2, true, false);
    // output j reads input frames 2j-2 .. 2j, so input frame t fixes outputs j <= t / 2
    assertCausal(down, new Shape(1, 2, 7, 4, 4), t -> t / 2);
  }

  @Test
  void upsampleOutputJSeesLatentFramesUpToHalfJRoundedUp() {
    Upsample up = new Upsample(ns.child("u"), 2, true, true);
    // latent frame t decodes to output frames 2t-1 and 2t (frame 0 to output 0 alone)
    assertCausal(up, new Shape(1, 2, 4, 2, 2), t -> 2 * t);
  }

  @Test
  void anImageIsEncodedAsTheFirstFrameOfAVideoThatStartsWithIt() {
    ResBlock3d block = new ResBlock3d(ns.child("r"), 2, 4, 2);
    Downsample down = new Downsample(ns.child("d"), 4, true, true);
    Layer encoder = x -> down.forward(block.forward(x));
    try (Step step = Step.open(params)) {
      NDArray video = step.manager().randomNormal(new Shape(1, 2, 5, 8, 8));
      NDArray image = video.get(":, :, 0:1");
      NDArray fromVideo = encoder.forward(video).get(":, :, 0:1");
      NDArray fromImage = encoder.forward(image);
      double diff = NnTesting.maxAbsDifference(fromVideo, fromImage);
      assertTrue(diff <= TOLERANCE, "image and first video frame differ by " + diff);
    }
  }

  @Test
  void aStillVideoGivesTheSameResponseAtEveryFrame() {
    // The consequence of replicate padding: the first frame sees a still past, like the others.
    CausalConv3d conv = new CausalConv3d(ns.child("c"), CausalConv3d.Config.cube(2, 3, 3));
    try (Step step = Step.open(params)) {
      NDArray frame = step.manager().randomNormal(new Shape(1, 2, 1, 4, 4));
      NDArray y = conv.forward(frame.repeat(2, 4)); // (1, 3, 4, 4, 4)
      for (int t = 1; t < 4; t++) {
        double diff =
            NnTesting.maxAbsDifference(y.get(":, :, 0:1"), y.get(":, :, " + t + ":" + (t + 1)));
        assertTrue(diff <= TOLERANCE, "frame " + t + " differs from frame 0 by " + diff);
      }
    }
  }
}
