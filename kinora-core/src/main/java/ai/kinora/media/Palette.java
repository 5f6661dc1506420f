package ai.kinora.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A palette of at most 256 colours for a whole clip, built from every frame's pixels, and the map
 * from colours to palette indices.
 *
 * <p>Kinora's world clips have a handful of flat colours, so the palette is usually exact: up to
 * 256 distinct colours are kept as they are and every pixel maps to its own colour. Beyond that the
 * colours that each cover at least 1/512 of the clip's pixels (counted on every fourth row; up to
 * {@value #FREQUENT} of them: flat backgrounds, and the few levels of a faint pattern such as
 * Kinora's watermark on them) keep their exact value, and the other pixels are quantised by median
 * cut over a 5-bit-per-channel histogram, each palette entry being the true mean of the pixels in
 * its box; pixels map to their own entry or the nearest. There is no dithering: it would add noise
 * to flat areas, which is what GIFs of world clips are made of.
 */
final class Palette {

  private static final int EXACT_SLOTS = 1024; // power of two, well above 256 so probes stay short

  /** At most this many frequent colours are kept exactly when a clip has more than 256. */
  static final int FREQUENT = 64;

  /** The share of a clip's pixels a colour must cover to be kept exactly. */
  static final double FREQUENT_SHARE = 1.0 / 512;

  /** Frequent colours are counted on every this many rows. */
  private static final int SAMPLED_ROW = 4;

  /** Fibonacci hashing: the top bits of the product mix every bit of the colour. */
  private static int hash(int rgb) {
    return (rgb * 0x9E3779B1) >>> 22;
  }

  /** Accumulates colour statistics frame by frame, so frames need not be kept in memory. */
  static final class Builder {
    private final int[] exact = new int[EXACT_SLOTS];
    private int exactCount;
    private boolean overflow;
    private final long[] count = new long[1 << 15];
    private final long[] sumR = new long[1 << 15];
    private final long[] sumG = new long[1 << 15];
    private final long[] sumB = new long[1 << 15];
    private final FrequentColours frequent = new FrequentColours();

    Builder() {
      Arrays.fill(exact, -1);
    }

    void add(RgbFrame frame) {
      byte[] p = frame.rgb();
      int last = -1;
      for (int i = 0; i < p.length; i += 3) {
        int r = p[i] & 0xFF;
        int g = p[i + 1] & 0xFF;
        int b = p[i + 2] & 0xFF;
        int bin = (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);
        count[bin]++;
        sumR[bin] += r;
        sumG[bin] += g;
        sumB[bin] += b;
        int rgb = r << 16 | g << 8 | b;
        if (!overflow && rgb != last) {
          last = rgb;
          if (slot(exact, rgb) < 0) {
            overflow = true;
          }
        }
      }
      countFrequent(frame);
    }

    /**
     * Counts the exact colours of every {@value #SAMPLED_ROW}th row, a run of equal pixels at a
     * time: enough to find colours that cover a share of the frame, at a quarter of the work.
     */
    private void countFrequent(RgbFrame frame) {
      byte[] p = frame.rgb();
      int rowBytes = frame.width() * 3;
      for (int row = 0; row < frame.height(); row += SAMPLED_ROW) {
        int run = -1; // the colour of the current run of equal pixels, counted when it ends
        long length = 0;
        for (int i = row * rowBytes; i < (row + 1) * rowBytes; i += 3) {
          int rgb = (p[i] & 0xFF) << 16 | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF);
          if (rgb == run) {
            length++;
          } else {
            if (length > 0) {
              frequent.add(run, length);
            }
            run = rgb;
            length = 1;
          }
        }
        frequent.add(run, length);
      }
    }

    /** Inserts into the exact set; returns -1 once a 257th colour appears. */
    private int slot(int[] table, int rgb) {
      int s = hash(rgb);
      while (table[s] != -1) {
        if (table[s] == rgb) {
          return s;
        }
        s = (s + 1) & (EXACT_SLOTS - 1);
      }
      if (exactCount == 256) {
        return -1;
      }
      table[s] = rgb;
      exactCount++;
      return s;
    }

    Palette build() {
      if (!overflow) {
        int[] colours = Arrays.stream(exact).filter(c -> c >= 0).sorted().toArray();
        return new Palette(colours, true);
      }
      // The median cut still sees the kept colours' pixels; it cannot split their 5-bit bins, so
      // they cost it a few entries at most.
      int[] kept = frequent.top(FREQUENT_SHARE, FREQUENT);
      int[] cut = medianCut(256 - kept.length);
      int[] colours = Arrays.copyOf(kept, kept.length + cut.length);
      System.arraycopy(cut, 0, colours, kept.length, cut.length);
      return new Palette(colours, false);
    }

    /** Up to {@code entries} colours by median cut of the whole histogram. */
    private int[] medianCut(int entries) {
      List<int[]> boxes = new ArrayList<>();
      int[] all =
          java.util.stream.IntStream.range(0, count.length).filter(b -> count[b] > 0).toArray();
      boxes.add(all);
      while (boxes.size() < entries) {
        // Split the box holding the most pixels that still has more than one bin.
        int[] widest = null;
        long best = -1;
        for (int[] box : boxes) {
          long weight = 0;
          for (int b : box) {
            weight += count[b];
          }
          if (box.length > 1 && weight > best) {
            best = weight;
            widest = box;
          }
        }
        if (widest == null) {
          break;
        }
        boxes.remove(widest);
        int shift = longestChannelShift(widest);
        int[] sorted =
            Arrays.stream(widest)
                .boxed()
                .sorted(Comparator.comparingInt(b -> (b >> shift) & 31))
                .mapToInt(Integer::intValue)
                .toArray();
        long half = best / 2;
        long seen = 0;
        int cut = 1;
        for (int i = 0; i < sorted.length - 1; i++) {
          seen += count[sorted[i]];
          cut = i + 1;
          if (seen >= half) {
            break;
          }
        }
        boxes.add(Arrays.copyOfRange(sorted, 0, cut));
        boxes.add(Arrays.copyOfRange(sorted, cut, sorted.length));
      }
      int[] colours = new int[boxes.size()];
      for (int i = 0; i < colours.length; i++) {
        long n = 0;
        long r = 0;
        long g = 0;
        long b = 0;
        for (int bin : boxes.get(i)) {
          n += count[bin];
          r += sumR[bin];
          g += sumG[bin];
          b += sumB[bin];
        }
        colours[i] =
            (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
      }
      return colours;
    }

    /** 10, 5 or 0: the bit shift of the channel with the widest range in the box. */
    private static int longestChannelShift(int[] box) {
      int bestShift = 10;
      int bestRange = -1;
      for (int shift = 10; shift >= 0; shift -= 5) {
        int lo = 31;
        int hi = 0;
        for (int b : box) {
          int v = (b >> shift) & 31;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (hi - lo > bestRange) {
          bestRange = hi - lo;
          bestShift = shift;
        }
      }
      return bestShift;
    }
  }

  private final int[] colours;
  private final boolean exact;
  private final int[] exactTable = new int[EXACT_SLOTS];
  private final byte[] exactIndex = new byte[EXACT_SLOTS];
  private final short[] nearestCache = new short[1 << 18];

  private Palette(int[] colours, boolean exact) {
    this.colours = colours;
    this.exact = exact;
    Arrays.fill(exactTable, -1);
    Arrays.fill(nearestCache, (short) -1);
    for (int i = 0; i < colours.length; i++) {
      int s = hash(colours[i]);
      while (exactTable[s] != -1) {
        s = (s + 1) & (EXACT_SLOTS - 1);
      }
      exactTable[s] = colours[i];
      exactIndex[s] = (byte) i;
    }
  }

  /** Packed 0xRRGGBB entries, at most 256. */
  int[] colours() {
    return colours.clone();
  }

  /** Whether every colour of the clip is in the palette as it is. */
  boolean exact() {
    return exact;
  }

  /** The palette index for a packed 0xRRGGBB colour: its own entry, or the nearest. */
  int index(int rgb) {
    int s = hash(rgb);
    while (exactTable[s] != -1) {
      if (exactTable[s] == rgb) {
        return exactIndex[s] & 0xFF;
      }
      s = (s + 1) & (EXACT_SLOTS - 1);
    }
    // Not a palette colour: nearest entry, cached per 6-bit-per-channel cell.
    int cell = ((rgb >> 18) & 63) << 12 | ((rgb >> 10) & 63) << 6 | ((rgb >> 2) & 63);
    int cached = nearestCache[cell];
    if (cached < 0) {
      cached = nearest(rgb);
      nearestCache[cell] = (short) cached;
    }
    return cached;
  }

  private int nearest(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < colours.length; i++) {
      int dr = r - (colours[i] >> 16 & 0xFF);
      int dg = g - (colours[i] >> 8 & 0xFF);
      int db = b - (colours[i] & 0xFF);
      // Weighted like the eye: green differences show most, blue least.
      long d = 2L * dr * dr + 4L * dg * dg + 3L * db * db;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }
}
