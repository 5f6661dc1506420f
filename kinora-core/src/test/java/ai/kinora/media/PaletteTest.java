package ai.kinora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The GIF palette: exact for few colours, and keeping frequent colours exact for many. */
class PaletteTest {

  /** A frame of 4x4 blocks alternating between two colours, with a noisy square of many colours. */
  static RgbFrame blocksWithNoise(int a, int b, long seed) {
    int w = 64;
    int h = 64;
    byte[] rgb = new byte[w * h * 3];
    SplittableRandom random = new SplittableRandom(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = ((x / 4 + y / 4) % 2 == 0) ? a : b;
        if (x < 24 && y < 24) {
          c = random.nextInt(1 << 24); // 576 pixels of (almost surely) distinct colours
        }
        int i = (y * w + x) * 3;
        rgb[i] = (byte) (c >> 16);
        rgb[i + 1] = (byte) (c >> 8);
        rgb[i + 2] = (byte) c;
      }
    }
    return new RgbFrame(w, h, rgb);
  }

  @Test
  void fewColoursAreKeptExactly() {
    Palette.Builder builder = new Palette.Builder();
    builder.add(RgbFrame.filled(8, 8, 0x102030));
    builder.add(RgbFrame.filled(8, 8, 0x405060));
    Palette palette = builder.build();
    assertTrue(palette.exact());
    assertEquals(2, palette.colours().length);
    assertNotEquals(palette.index(0x102030), palette.index(0x405060));
  }

  @Test
  void frequentColoursTwoLevelsApartStayApartWhenTheClipHasManyColours() {
    // black and a faint pattern two levels above it (as Kinora's watermark leaves on black): one
    // 5-bit histogram bin, which median cut alone merges into one entry
    Palette.Builder builder = new Palette.Builder();
    for (int f = 0; f < 3; f++) {
      builder.add(blocksWithNoise(0x000000, 0x020202, f));
    }
    Palette palette = builder.build();
    assertFalse(palette.exact());
    int[] colours = palette.colours();
    assertTrue(colours.length <= 256, "entries: " + colours.length);
    assertEquals(0x000000, colours[palette.index(0x000000)]);
    assertEquals(0x020202, colours[palette.index(0x020202)]);
  }

  @Test
  void keptAndCutEntriesTogetherStayWithin256() {
    // 300 colours, each on 1/300 of the pixels: all frequent, 64 kept exactly, the rest cut
    Palette.Builder builder = new Palette.Builder();
    for (int f = 0; f < 300; f++) {
      builder.add(RgbFrame.filled(4, 4, f * 0x010203));
    }
    Palette palette = builder.build();
    assertFalse(palette.exact());
    int[] colours = palette.colours();
    assertTrue(colours.length <= 256, "entries: " + colours.length);
    long exact =
        java.util.stream.IntStream.range(0, 300)
            .filter(f -> colours[palette.index(f * 0x010203)] == f * 0x010203)
            .count();
    assertTrue(exact >= Palette.FREQUENT, exact + " colours kept exactly");
  }
}
