package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.eval.FrameChanges;
import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The carried reconstruction difference: weights, fade length, clamping, and a seamless join. */
class SeamCarryTest {

  private static RgbFrame gray(int level) {
    return RgbFrame.filled(8, 6, level * 0x010101);
  }

  private static int level(RgbFrame f) {
    return f.rgb()[0] & 0xFF;
  }

  @Test
  void afterCarriesTheDifferenceFadingOverEightFrames() {
    List<RgbFrame> generated = Collections.nCopies(12, gray(90));
    List<RgbFrame> out = SeamCarry.after(generated, gray(108), gray(90));
    // 18 levels, weights 8/9, 7/9, ... 1/9, then 0.
    for (int d = 1; d <= 12; d++) {
      int expected = 90 + (int) Math.round(18 * Math.max(0, 1 - d / 9.0));
      assertEquals(expected, level(out.get(d - 1)), "frame at distance " + d);
    }
    assertEquals(90, level(generated.get(0)), "the input list is left as it was");
  }

  @Test
  void beforeCarriesTowardsTheEndAndAShorterFadeReachesZeroAtTheOtherEnd() {
    List<RgbFrame> generated = Collections.nCopies(4, gray(50));
    List<RgbFrame> out = SeamCarry.before(generated, gray(40), gray(50), 4);
    // distance 1 is the last frame: -10 x 4/5, then 3/5, 2/5, 1/5.
    assertEquals(List.of(48, 46, 44, 42), out.stream().map(SeamCarryTest::level).toList());
  }

  @Test
  void clampsToTheByteRange() {
    RgbFrame out = SeamCarry.after(List.of(gray(250)), gray(255), gray(200)).get(0);
    assertEquals(255, level(out));
    RgbFrame low = SeamCarry.before(List.of(gray(3)), gray(0), gray(60)).get(0);
    assertEquals(0, level(low));
  }

  @Test
  void aJoinOntoTheInputsOwnPixelsBecomesSeamless() {
    // An input ramping up 1 level per frame; the decoder reproduced it 12 levels darker and the
    // model went on with the same ramp from its own version.
    List<RgbFrame> input = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      input.add(gray(100 + i));
    }
    List<RgbFrame> generated = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      generated.add(gray(100 - 12 + 16 + i));
    }
    RgbFrame reconstructionOfLast = gray(100 - 12 + 15);
    List<RgbFrame> plain = new ArrayList<>(input);
    plain.addAll(generated);
    List<RgbFrame> carried = new ArrayList<>(input);
    carried.addAll(SeamCarry.after(generated, input.get(15), reconstructionOfLast));

    FrameChanges.Seam before = FrameChanges.join("plain", plain, 16, List.of(16));
    FrameChanges.Seam after = FrameChanges.join("carried", carried, 16, List.of(16));
    assertTrue(!before.seamless(), before.toString());
    assertTrue(after.seamless(), after.toString());
    assertEquals(0, before.typical() - 1, 1e-9);
  }

  @Test
  void refusesFramesOfAnotherSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SeamCarry.after(List.of(gray(1)), RgbFrame.filled(4, 4, 0), gray(1)));
    assertTrue(e.getMessage().contains("4x4"), e.getMessage());
  }
}
