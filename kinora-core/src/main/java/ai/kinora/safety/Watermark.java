package ai.kinora.safety;

import ai.kinora.media.RgbFrame;
import java.util.List;

/**
 * The invisible mark Kinora puts in the pixels of everything it generates, and its detector.
 *
 * <p>The frame is tiled with {@value #BLOCK}x{@value #BLOCK}-pixel blocks anchored at the top left;
 * a keyed hash gives each block a sign, and the mark adds {@code sign * amplitude} levels to R, G
 * and B of every pixel in it (a change of brightness only, clamped to 0..255), the same in every
 * frame. The detector measures each block's mean brightness minus the mean of its neighbours (which
 * removes the picture's smooth content), sums that over the frames, and correlates it with the
 * signs: {@code z = sum(S * sign) / sqrt(sum(S^2))}. For a picture made without the key the signs
 * are independent of S, so z has mean 0 and variance 1 whatever the picture; a marked one gives z
 * in the tens. Lossy encoding weakens the mark and resizing or cropping (off the block grid) breaks
 * it; the figures are in docs/provenance.md.
 */
public final class Watermark {

  /** Side of a block in pixels. */
  public static final int BLOCK = 4;

  /** Levels (of 255) added to or taken from each pixel. */
  public static final int AMPLITUDE = 2;

  /** The z from which a mark counts as found (a chance hit is then below one in a million). */
  public static final double THRESHOLD = 5.0;

  /**
   * Residuals are clipped at this many times their median magnitude before correlating (1 measured
   * better than 3 through JPEG and H.264).
   */
  static final double CLIP = 1;

  /** Kinora's key: public, so anyone can check a file. */
  public static final long KINORA_KEY = 0x4B494E4F52415F31L; // "KINORA_1"

  private final long key;
  private final int block;
  private final int amplitude;

  /** A mark of {@code block}-pixel blocks changed by {@code amplitude} levels, keyed by key. */
  public Watermark(long key, int block, int amplitude) {
    if (block < 1 || block > 64) {
      throw new IllegalArgumentException("watermark block must be 1..64 px, got " + block);
    }
    if (amplitude < 1 || amplitude > 16) {
      throw new IllegalArgumentException("watermark amplitude must be 1..16, got " + amplitude);
    }
    this.key = key;
    this.block = block;
    this.amplitude = amplitude;
  }

  /** Kinora's own mark. */
  public static Watermark kinora() {
    return new Watermark(KINORA_KEY, BLOCK, AMPLITUDE);
  }

  /**
   * What the detector saw.
   *
   * @param z the standardised correlation with the key's signs (about N(0, 1) when unmarked)
   * @param frames frames examined
   * @param blocks blocks per frame examined
   */
  public record Detection(double z, int frames, int blocks) {

    /** Whether z reaches {@link #THRESHOLD}. */
    public boolean present() {
      return z >= THRESHOLD;
    }

    /** Whether the frames were large enough to look at (z is NaN when not). */
    public boolean judged() {
      return blocks > 0;
    }
  }

  /** Whether a {@code width x height} picture can hold the mark: 3x3 blocks at least. */
  public boolean fits(int width, int height) {
    return width / block >= 3 && height / block >= 3;
  }

  /** The sign, +1 or -1, of block (bx, by). */
  int sign(int bx, int by) {
    long h = key ^ (bx * 0x9E3779B97F4A7C15L) ^ (by * 0xC2B2AE3D27D4EB4FL);
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (h & 1) == 0 ? -1 : 1;
  }

  /** A marked copy of {@code frame}. */
  public RgbFrame embed(RgbFrame frame) {
    int w = frame.width();
    byte[] in = frame.rgb();
    byte[] out = new byte[in.length];
    byte[] up = new byte[256]; // value -> value + amplitude, clamped
    byte[] down = new byte[256];
    for (int v = 0; v < 256; v++) {
      up[v] = clamp(v + amplitude);
      down[v] = clamp(v - amplitude);
    }
    byte[][] shift = new byte[w][]; // the table of each column, for the current row of blocks
    for (int y = 0; y < frame.height(); y++) {
      if (y % block == 0) {
        for (int x = 0; x < w; x++) {
          shift[x] = sign(x / block, y / block) > 0 ? up : down;
        }
      }
      for (int x = 0, i = y * w * 3; x < w; x++, i += 3) {
        byte[] t = shift[x];
        out[i] = t[in[i] & 0xFF];
        out[i + 1] = t[in[i + 1] & 0xFF];
        out[i + 2] = t[in[i + 2] & 0xFF];
      }
    }
    return new RgbFrame(w, frame.height(), out);
  }

  /** Marked copies of {@code frames}. */
  public List<RgbFrame> embed(List<RgbFrame> frames) {
    return frames.stream().map(this::embed).toList();
  }

  /** Looks for the mark in {@code frames} (all of one size; at least 3x3 blocks). */
  public Detection detect(List<RgbFrame> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames to look for a watermark in");
    }
    Scan scan = scan(frames.get(0).width(), frames.get(0).height());
    frames.forEach(scan::add);
    return scan.detection();
  }

  /** A detection frame by frame, holding only per-block sums: for long or large videos. */
  public Scan scan(int width, int height) {
    return new Scan(width, height);
  }

  /** Frames added one at a time; {@link #detection()} correlates what they sum to. */
  public final class Scan {
    private final int w;
    private final int h;
    private final int bw;
    private final int bh;
    private final double[] summed; // S: residuals summed over frames
    private final double[] means;
    private int frames;

    private Scan(int w, int h) {
      this.w = w;
      this.h = h;
      this.bw = w / block;
      this.bh = h / block;
      if (bw < 3 || bh < 3) {
        throw new IllegalArgumentException(
            w
                + "x"
                + h
                + " is too small to hold a watermark (at least "
                + 3 * block
                + " px a side)");
      }
      this.summed = new double[bw * bh];
      this.means = new double[bw * bh];
    }

    /** Adds one frame of the scan's size. */
    public void add(RgbFrame frame) {
      if (frame.width() != w || frame.height() != h) {
        throw new IllegalArgumentException(
            "frames of one clip have one size: "
                + frame.width()
                + "x"
                + frame.height()
                + " after "
                + w
                + "x"
                + h);
      }
      blockMeans(frame, bw, bh, means);
      for (int by = 0; by < bh; by++) {
        for (int bx = 0; bx < bw; bx++) {
          summed[by * bw + bx] += means[by * bw + bx] - neighbourMean(means, bw, bh, bx, by);
        }
      }
      frames++;
    }

    /** The finding over the frames added so far. */
    public Detection detection() {
      if (frames == 0) {
        throw new IllegalStateException("no frames to look for a watermark in");
      }
      // Edges in the picture give a few blocks large residuals that would drown the mark: clip
      // each residual at CLIP times the median magnitude. The signs stay independent of the clipped
      // values, so z keeps its null distribution.
      double[] magnitudes = new double[summed.length];
      for (int b = 0; b < summed.length; b++) {
        magnitudes[b] = Math.abs(summed[b]);
      }
      java.util.Arrays.sort(magnitudes);
      double limit = CLIP * magnitudes[magnitudes.length / 2];
      double dot = 0;
      double energy = 0;
      for (int by = 0; by < bh; by++) {
        for (int bx = 0; bx < bw; bx++) {
          double s = Math.max(-limit, Math.min(limit, summed[by * bw + bx]));
          dot += s * sign(bx, by);
          energy += s * s;
        }
      }
      double z = energy == 0 ? 0 : dot / Math.sqrt(energy);
      return new Detection(z, frames, bw * bh);
    }
  }

  /** Mean luma (BT.601 weights) of each whole block. */
  private void blockMeans(RgbFrame frame, int bw, int bh, double[] means) {
    java.util.Arrays.fill(means, 0);
    byte[] rgb = frame.rgb();
    int w = frame.width();
    for (int y = 0; y < bh * block; y++) {
      int rowBase = (y / block) * bw;
      for (int x = 0, i = y * w * 3; x < bw * block; x++, i += 3) {
        double luma =
            0.299 * (rgb[i] & 0xFF) + 0.587 * (rgb[i + 1] & 0xFF) + 0.114 * (rgb[i + 2] & 0xFF);
        means[rowBase + x / block] += luma;
      }
    }
    for (int b = 0; b < means.length; b++) {
      means[b] /= block * block;
    }
  }

  /** Mean of the up to 8 blocks around (bx, by). */
  private static double neighbourMean(double[] means, int bw, int bh, int bx, int by) {
    double sum = 0;
    int n = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int x = bx + dx;
        int y = by + dy;
        if ((dx != 0 || dy != 0) && x >= 0 && y >= 0 && x < bw && y < bh) {
          sum += means[y * bw + x];
          n++;
        }
      }
    }
    return sum / n;
  }

  private static byte clamp(int v) {
    return (byte) Math.max(0, Math.min(255, v));
  }
}
