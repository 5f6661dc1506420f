package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.world.Background;

/**
 * The measured background of a video: the median colour of each row over the pixels that are not
 * object- or post-coloured, from a handful of frames, and the background verdict it supports.
 *
 * <p>Medians make stars (at most 1% of pixels), snow (at most 2%) and objects the scene does not
 * mention (a minority of pixels) irrelevant without having to find them. Rows are kept apart
 * because dusk is a vertical gradient; the same row medians serve as the local background when
 * {@link ShapeFeatures} unmixes anti-aliased object edges.
 */
final class BackgroundModel {

  /**
   * Largest distance between the measured and the expected background colour. The two closest
   * distinct backgrounds, navy (20,30,80) and night (10,15,45), are 39 apart, so a colour farther
   * than 40 from the expected one is at least as close to another background; within 40, the
   * nearest-background rule below decides. Codec shifts of flat areas are a few units, far inside.
   */
  static final double TOLERANCE = 40;

  /** At most this many frames are sampled: the background does not change over a clip. */
  private static final int SAMPLED_FRAMES = 8;

  private final int[] rows;
  private final int height;

  private BackgroundModel(int[] rows) {
    this.rows = rows;
    this.height = rows.length;
  }

  /** Estimates row medians, ignoring pixels near any of {@code excluded} colours and the post. */
  static BackgroundModel estimate(WorkingVideo video, int[] excluded) {
    int w = video.width();
    int h = video.height();
    int[][] hist = new int[h][768];
    int[] counts = new int[h];
    int objectLimit = (int) (Components.OBJECT_DISTANCE * Components.OBJECT_DISTANCE);
    int postLimit = (int) (Components.POST_DISTANCE * Components.POST_DISTANCE);
    int frames = video.frameCount();
    int step = Math.max(1, (frames + SAMPLED_FRAMES - 1) / SAMPLED_FRAMES);
    for (int f = 0; f < frames; f += step) {
      int[] px = video.pixels(f);
      for (int p = 0; p < px.length; p++) {
        int c = px[p];
        boolean skip = Robust.rgbDistanceSquared(c, Components.POST_RGB) <= postLimit;
        for (int k = 0; k < excluded.length && !skip; k++) {
          skip = Robust.rgbDistanceSquared(c, excluded[k]) <= objectLimit;
        }
        if (!skip) {
          int[] row = hist[p / w];
          row[(c >> 16) & 0xFF]++;
          row[256 + ((c >> 8) & 0xFF)]++;
          row[512 + (c & 0xFF)]++;
          counts[p / w]++;
        }
      }
    }
    int[] rows = new int[h];
    int[] all = new int[768];
    int total = 0;
    for (int y = 0; y < h; y++) {
      for (int k = 0; k < 768; k++) {
        all[k] += hist[y][k];
      }
      total += counts[y];
    }
    int fallback = total > 0 ? medianColour(all, total) : 0;
    for (int y = 0; y < h; y++) {
      // A row almost wholly covered by objects borrows the nearest measured row.
      rows[y] = counts[y] >= Math.min(8, w) ? medianColour(hist[y], counts[y]) : -1;
    }
    for (int y = 0; y < h; y++) {
      if (rows[y] < 0) {
        rows[y] = nearestMeasured(rows, y, fallback);
      }
    }
    return new BackgroundModel(rows);
  }

  private static int nearestMeasured(int[] rows, int y, int fallback) {
    for (int d = 1; d < rows.length; d++) {
      if (y - d >= 0 && rows[y - d] >= 0) {
        return rows[y - d];
      }
      if (y + d < rows.length && rows[y + d] >= 0) {
        return rows[y + d];
      }
    }
    return fallback;
  }

  private static int medianColour(int[] hist, int count) {
    int out = 0;
    for (int ch = 0; ch < 3; ch++) {
      int half = (count + 1) / 2;
      int acc = 0;
      int v = 0;
      for (; v < 255; v++) {
        acc += hist[ch * 256 + v];
        if (acc >= half) {
          break;
        }
      }
      out = (out << 8) | v;
    }
    return out;
  }

  /** Background colour of each row, packed 0xRRGGBB. */
  int[] rows() {
    return rows;
  }

  /** Median of the rows in [from, to): a band's colour. */
  private int band(int from, int to) {
    int n = Math.max(1, to - from);
    int[] hist = new int[768];
    for (int y = from; y < from + n; y++) {
      int c = rows[Math.min(y, height - 1)];
      hist[(c >> 16) & 0xFF]++;
      hist[256 + ((c >> 8) & 0xFF)]++;
      hist[512 + (c & 0xFF)]++;
    }
    return medianColour(hist, n);
  }

  /**
   * The expected colour of a background at a fraction {@code v} (0 top, 1 bottom) of the height.
   */
  static int expectedAt(Background b, double v) {
    int top = b.top();
    int bottom = b.bottom();
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double c = ((top >> shift) & 0xFF) * (1 - v) + ((bottom >> shift) & 0xFF) * v;
      out |= ((int) Math.round(c)) << shift;
    }
    return out;
  }

  /**
   * Judges the background: the top and bottom eighths of the frame are compared with every Kinora
   * background at the same heights; the verdict passes when the expected background is the nearest
   * one and within {@link #TOLERANCE} at both bands. Comparing two bands, not one colour, is what
   * tells dusk (whose top is navy-like) from navy.
   */
  Verdict judge(Background expected) {
    int bandRows = Math.max(1, height / 8);
    int top = band(0, bandRows);
    int bottom = band(height - bandRows, height);
    double vTop = (bandRows / 2.0) / height;
    double vBottom = 1 - vTop;
    Background nearest = null;
    double nearestDistance = Double.POSITIVE_INFINITY;
    double expectedDistance = 0;
    for (Background b : Background.values()) {
      double d =
          Math.max(
              Robust.rgbDistance(top, expectedAt(b, vTop)),
              Robust.rgbDistance(bottom, expectedAt(b, vBottom)));
      if (d < nearestDistance) {
        nearestDistance = d;
        nearest = b;
      }
      if (b == expected) {
        expectedDistance = d;
      }
    }
    String observed =
        (top == bottom || Robust.rgbDistance(top, bottom) < 8
                ? Robust.rgbText(top)
                : "top " + Robust.rgbText(top) + ", bottom " + Robust.rgbText(bottom))
            + " ~ "
            + nearest.word()
            + String.format(java.util.Locale.ROOT, " (off by %.0f)", expectedDistance);
    String wanted =
        expected.word()
            + " "
            + (expected.isGradient()
                ? Robust.rgbText(expected.top()) + ".." + Robust.rgbText(expected.bottom())
                : Robust.rgbText(expected.top()));
    boolean pass = nearest == expected && expectedDistance <= TOLERANCE;
    return Verdict.of("scene", "background", pass, wanted, observed);
  }
}
