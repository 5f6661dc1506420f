package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Resizing, cropping, padding and frame-rate changes, checked against exact expectations. */
class ResampleTest {

  @Test
  void flatFramesStayFlatAtAnySize() {
    RgbFrame flat = RgbFrame.filled(37, 23, TestClips.BLUE);
    int[][] sizes = {{10, 7}, {18, 11}, {100, 61}, {37, 50}, {5, 23}, {1, 1}};
    for (int[] s : sizes) {
      RgbFrame r = Resample.resize(flat, s[0], s[1]);
      assertTrue(RgbFrame.filled(s[0], s[1], TestClips.BLUE).samePixels(r), s[0] + "x" + s[1]);
    }
  }

  @Test
  void halvingIsTheMeanOfEach2x2Block() {
    byte[] noise = new byte[16 * 12 * 3];
    new Random(7).nextBytes(noise);
    RgbFrame src = new RgbFrame(16, 12, noise);
    RgbFrame half = Resample.resize(src, 8, 6);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              sum += noise[((2 * y + dy) * 16 + 2 * x + dx) * 3 + c] & 0xFF;
            }
          }
          int got = half.rgb()[(y * 8 + x) * 3 + c] & 0xFF;
          assertEquals(Math.round(sum / 4.0f), got, "pixel " + x + "," + y + " channel " + c);
        }
      }
    }
  }

  @Test
  void sameSizeIsAnExactCopyAndEnlargingIsSmoothAndClamped() {
    RgbFrame src = TestClips.frame(64, 48, 4, TestClips.GRAY);
    RgbFrame copy = Resample.resize(src, 64, 48);
    assertTrue(src.samePixels(copy));
    assertNotSame(src.rgb(), copy.rgb());

    // A hard black/white edge, enlarged 4x: values stay in range and rise monotonically.
    RgbFrame edge = new RgbFrame(4, 1, new byte[] {0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, -1});
    RgbFrame big = Resample.resize(edge, 16, 1);
    int previous = -1;
    for (int x = 0; x < 16; x++) {
      int v = big.rgbAt(x, 0) & 0xFF;
      assertTrue(v >= previous - 12, "bicubic overshoot stays small at " + x);
      previous = v;
    }
    assertEquals(0, big.rgbAt(0, 0) & 0xFF);
    assertEquals(255, big.rgbAt(15, 0) & 0xFF);
    assertTrue(
        (big.rgbAt(7, 0) & 0xFF) > 0 && (big.rgbAt(8, 0) & 0xFF) < 255, "smooth, not blocky");
  }

  @Test
  void changeFpsKeepsDurationAndPicksNearestFrames() {
    Video clip = numbered(24, 8);
    Video faster = Resample.changeFps(clip, 24);
    assertEquals(72, faster.frameCount());
    assertEquals(clip.durationSeconds(), faster.durationSeconds(), 1e-9);
    assertSame(clip.frames().get(0), faster.frames().get(2));
    assertSame(clip.frames().get(1), faster.frames().get(3));

    Video slower = Resample.changeFps(clip, 5);
    assertEquals(15, slower.frameCount());
    assertEquals(clip.durationSeconds(), slower.durationSeconds(), 1e-9);
    // Output frame j shows the source frame on screen at (j + 0.5) / 5 s.
    assertSame(clip.frames().get(12), slower.frames().get(7));

    Video odd = Resample.changeFps(numbered(17, 8), 30);
    assertEquals(17 / 8.0, odd.durationSeconds(), 0.5 / 30);
    assertSame(clip, Resample.changeFps(clip, 8));
  }

  @Test
  void cropFillsAndPadLetterboxes() {
    // 80x40 source: left half red, right half blue, a green 8-wide stripe in the middle.
    RgbFrame src = RgbFrame.filled(80, 40, TestClips.RED);
    TestClips.rect(src, 40, 0, 40, 40, TestClips.BLUE);
    TestClips.rect(src, 36, 0, 8, 40, TestClips.GREEN);

    RgbFrame square = Resample.cropToAspect(src, 20, 20);
    assertEquals(20, square.width());
    // Centre crop keeps x 20..60 of 80: red, green stripe in the middle, blue.
    assertEquals(TestClips.RED, square.rgbAt(1, 10));
    assertEquals(TestClips.GREEN, square.rgbAt(10, 10));
    assertEquals(TestClips.BLUE, square.rgbAt(18, 10));

    RgbFrame boxed = Resample.padToAspect(src, 40, 40);
    // 80x40 fits 40x40 as 40x20, centred: black bars of 10 rows above and below.
    assertEquals(0, boxed.rgbAt(20, 0));
    assertEquals(0, boxed.rgbAt(20, 9));
    assertEquals(TestClips.RED, boxed.rgbAt(2, 20));
    assertEquals(TestClips.BLUE, boxed.rgbAt(37, 20));
    assertEquals(0, boxed.rgbAt(20, 30));

    RgbFrame pillar = Resample.padToAspect(RgbFrame.filled(20, 40, TestClips.YELLOW), 40, 40);
    assertEquals(0, pillar.rgbAt(5, 20));
    assertEquals(TestClips.YELLOW, pillar.rgbAt(20, 20));
  }

  @Test
  void resizeVideoKeepsCountAndRate() {
    Video v = Resample.resize(TestClips.world(64, 64, 5, 8, TestClips.GRAY), 32, 24);
    assertEquals(5, v.frameCount());
    assertEquals(8.0, v.fps());
    assertEquals(32, v.width());
    assertEquals(24, v.height());
  }

  /** A clip whose frames are distinct objects, so tests can tell which one was picked. */
  private static Video numbered(int frames, double fps) {
    List<RgbFrame> list = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      list.add(RgbFrame.filled(4, 4, i));
    }
    return new Video(list, fps);
  }
}
