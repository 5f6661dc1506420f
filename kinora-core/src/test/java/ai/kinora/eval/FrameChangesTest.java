package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.5x rule on frames whose changes are known exactly: grey levels stepping by set amounts. */
class FrameChangesTest {

  /** Uniform grey frames of the given levels: the change between two is their difference. */
  static List<RgbFrame> greys(int... levels) {
    List<RgbFrame> frames = new ArrayList<>();
    for (int v : levels) {
      frames.add(RgbFrame.filled(8, 8, v << 16 | v << 8 | v));
    }
    return frames;
  }

  @Test
  void aJoinIsComparedWithTheMedianStepElsewhere() {
    // steps 2, 2, 3, 9 (into frame 4), 2, 2
    List<RgbFrame> video = greys(10, 12, 14, 17, 26, 28, 30);
    FrameChanges.Seam seam = FrameChanges.join("j", video, 4, List.of(4));
    assertEquals(9, seam.change(), 1e-12);
    assertEquals(2, seam.typical(), 1e-12); // median of 2, 2, 3, 2, 2
    assertEquals(4.5, seam.ratio(), 1e-12);
    assertFalse(seam.seamless());
  }

  @Test
  void otherJoinsAreLeftOutOfTheTypicalChange() {
    // steps 1, 1, 6 (into 3), 1, 6 (into 5), 1
    List<RgbFrame> video = greys(0, 1, 2, 8, 9, 15, 16);
    FrameChanges.Seam seam = FrameChanges.join("j", video, 3, List.of(3, 5));
    assertEquals(6, seam.change(), 1e-12);
    assertEquals(1, seam.typical(), 1e-12);
    // With frame 5's jump counted as a normal step the median would still be 1; with two more
    // jumps it would not: leaving joins out keeps them from excusing each other.
    FrameChanges.Seam smooth = FrameChanges.join("j", greys(0, 2, 4, 7, 9, 11), 3, List.of(3));
    assertEquals(1.5, smooth.ratio(), 1e-12);
    assertTrue(smooth.seamless());
  }

  @Test
  void aLoopSeamIsTheStepFromTheLastFrameToTheFirst() {
    FrameChanges.Seam seam = FrameChanges.loop("l", greys(0, 4, 8, 12, 16, 20));
    assertEquals(20, seam.change(), 1e-12);
    assertEquals(5, seam.ratio(), 1e-12);
    assertTrue(FrameChanges.loop("l", greys(0, 4, 8, 4)).seamless()); // 4 back, steps 4
  }

  @Test
  void aStillVideoWithAnInvisibleJoinIsSeamless() {
    assertTrue(FrameChanges.join("j", greys(5, 5, 5, 5), 2, List.of(2)).seamless());
  }

  @Test
  void joinsOutsideTheVideoAreRefused() {
    List<RgbFrame> video = greys(0, 1, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FrameChanges.join("j", video, 3, List.of()));
    assertTrue(e.getMessage().contains("frame 3 of 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FrameChanges.join("j", video, 0, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> FrameChanges.join("j", greys(0, 9), 1, List.of(1)));
  }
}
