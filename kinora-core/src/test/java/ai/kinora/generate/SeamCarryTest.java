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
    // 18 levels, weights 1 at the join, 7/8, ... 1/8, then 0.
    for (int d = 1; d <= 12; d++) {
      int expected = 90 + (int) Math.round(18 * Math.max(0, 1 - (d - 1) / 8.0));
      assertEquals(expected, level(out.get(d - 1)), "frame at distance " + d);
    }
    assertEquals(90, level(generated.get(0)), "the input list is left as it was");
  }

  @Test
  void beforeCarriesTowardsTheEndOverAShorterFade() {
    List<RgbFrame> generated = Collections.nCopies(4, gray(50));
    List<RgbFrame> out = SeamCarry.before(generated, gray(40), gray(50), 4);
    // distance 1 is the last frame: -10 x 1, then 3/4, 2/4, 1/4 (0 one frame further).
    assertEquals(List.of(48, 45, 43, 40), out.stream().map(SeamCarryTest::level).toList());
  }

  @Test
  void clampsToTheByteRange() {
    RgbFrame out = SeamCarry.after(List.of(gray(250)), gray(255), gray(225)).get(0);
    assertEquals(255, level(out)); // 250 + 30
    RgbFrame low = SeamCarry.before(List.of(gray(3)), gray(0), gray(10)).get(0);
    assertEquals(0, level(low)); // 3 - 10
  }

  /** A gray 48x48 frame with a 12x12 square of {@code level} at (18, 18), or none for -1. */
  private static RgbFrame square(int level) {
    RgbFrame f = RgbFrame.filled(48, 48, 0x646464);
    byte[] rgb = f.rgb().clone();
    for (int y = 18; level >= 0 && y < 30; y++) {
      for (int x = 18; x < 30; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[3 * (y * 48 + x) + c] = (byte) level;
        }
      }
    }
    return new RgbFrame(48, 48, rgb);
  }

  @Test
  void nothingIsCarriedWhereTheNewFramesTookTheObjectAway() {
    RgbFrame input = square(250);
    RgbFrame reconstruction = square(200); // the VAE's dimmer square
    RgbFrame kept = square(200);
    RgbFrame gone = square(-1);
    RgbFrame carried = SeamCarry.after(List.of(kept), input, reconstruction).get(0);
    assertEquals(250, carried.rgb()[3 * (24 * 48 + 24)] & 0xFF);
    RgbFrame left = SeamCarry.after(List.of(gone), input, reconstruction).get(0);
    assertTrue(left.samePixels(gone), "no ghost of the square where it is gone");
    double[] gate = SeamCarry.regionGate(gone, reconstruction);
    assertEquals(0, gate[24 * 48 + 24], "inside");
    assertTrue(gate[24 * 48 + 31] < 0.1, "its outline, two pixels out: " + gate[24 * 48 + 31]);
    assertEquals(1, gate[2 * 48 + 2], 1e-12, "far away");
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
