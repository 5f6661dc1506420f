package ai.kinora.generate;

import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries the VAE's reconstruction error at a join into the generated frames beside it, fading out.
 *
 * <p>Generated frames continue the decoder's version of an input frame, not the input's own pixels,
 * and the two differ by the VAE's reconstruction error (PSNR ~27-30 dB on clips: several levels per
 * channel value, more than a slow scene changes in one frame step). Placing new frames next to the
 * real ones would show that difference as a jump at the join. So the difference at the join, {@code
 * input - reconstruction}, is added to the generated frames with a weight that falls linearly from
 * 1 at the join to 0 after {@link #FADE_FRAMES} frames (fewer where another join is nearer): the
 * first new frame continues the input's pixels exactly as the decoder's next frame continued its
 * own, and the correction fades over a second at 8 fps, a fraction of a level per frame step.
 *
 * <p>Where the model keeps the input's content, the carried difference is the VAE's error and does
 * not show. Where the model takes an object away at once, the difference there is the object's
 * sharp edges against the decoder's soft ones, and carrying it left a fading outline of the object
 * behind. So the carry is gated by region ({@link #regionGate}): none where the region around a
 * pixel no longer shows what the reconstruction did, the closed gate spread a few pixels so that
 * the outline goes too. Such a join then shows the model's change as it is. (A per-pixel gate was
 * measured first: it made every join worse and the outline still showed.)
 */
final class SeamCarry {

  /** Frames over which the carried difference fades to nothing. */
  static final int FADE_FRAMES = 8;

  /** Half the side of the region a pixel's gate looks at (about an object's size natively). */
  static final int GATE_RADIUS = 8;

  /** How far a closed gate spreads, so that an object's outline goes with its inside. */
  static final int GATE_SPREAD = 4;

  /** Mean difference per channel value of a region below which all of it is carried. */
  static final double GATE_FROM = 16;

  /** Mean difference per channel value of a region at and above which nothing is carried. */
  static final double GATE_TO = 48;

  private SeamCarry() {}

  /**
   * {@code generated} (frames that follow a join) with {@code input - reconstruction} added, weight
   * 1 - (d - 1) / FADE_FRAMES at distance d = 1, 2, ... after the join.
   */
  static List<RgbFrame> after(List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction) {
    return after(generated, input, reconstruction, FADE_FRAMES);
  }

  /** As {@link #after(List, RgbFrame, RgbFrame)}, fading over {@code fade} frames. */
  static List<RgbFrame> after(
      List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction, int fade) {
    return carry(generated, input, reconstruction, fade, false);
  }

  /**
   * {@code generated} (frames that lead into a join) with {@code input - reconstruction} added,
   * weight 1 - (d - 1) / FADE_FRAMES at distance d = 1, 2, ... before the join.
   */
  static List<RgbFrame> before(List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction) {
    return before(generated, input, reconstruction, FADE_FRAMES);
  }

  /** As {@link #before(List, RgbFrame, RgbFrame)}, fading over {@code fade} frames. */
  static List<RgbFrame> before(
      List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction, int fade) {
    return carry(generated, input, reconstruction, fade, true);
  }

  /**
   * A copy of {@code generated} whose frames at distance d = 1 .. {@code fade} from the join have
   * {@link #weight} of the difference added: the join is before the first frame, or after the last
   * one when {@code joinAfterLast}.
   */
  private static List<RgbFrame> carry(
      List<RgbFrame> generated,
      RgbFrame input,
      RgbFrame reconstruction,
      int fade,
      boolean joinAfterLast) {
    int[] residual = residual(input, reconstruction);
    List<RgbFrame> out = new ArrayList<>(generated);
    int n = out.size();
    for (int d = 1; d <= Math.min(fade, n); d++) {
      int i = joinAfterLast ? n - d : d - 1;
      out.set(i, add(out.get(i), residual, reconstruction, weight(d, fade)));
    }
    return out;
  }

  /**
   * The carried share at distance {@code d} = 1, 2, ... frames from the join, fading over {@code
   * fade}: all of it in the frame at the join, so the step across the join is the decoder's own,
   * then 1/fade less per frame, 0 from {@code fade + 1} on.
   */
  static double weight(int d, int fade) {
    return Math.max(0, 1 - (d - 1) / (double) fade);
  }

  private static int[] residual(RgbFrame input, RgbFrame reconstruction) {
    if (input.width() != reconstruction.width() || input.height() != reconstruction.height()) {
      throw new IllegalArgumentException(
          "a join's frames differ in size: "
              + input.width()
              + "x"
              + input.height()
              + " and "
              + reconstruction.width()
              + "x"
              + reconstruction.height());
    }
    byte[] a = input.rgb();
    byte[] b = reconstruction.rgb();
    int[] r = new int[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (a[i] & 0xFF) - (b[i] & 0xFF);
    }
    return r;
  }

  /** {@code frame + weight x gate x residual}, the gate from {@link #regionGate}. */
  private static RgbFrame add(
      RgbFrame frame, int[] residual, RgbFrame reconstruction, double weight) {
    byte[] src = frame.rgb();
    if (src.length != residual.length) {
      throw new IllegalArgumentException("a generated frame differs in size from its join");
    }
    double[] gate = regionGate(frame, reconstruction);
    byte[] out = new byte[src.length];
    for (int i = 0; i < out.length; i++) {
      long v = Math.round((src[i] & 0xFF) + weight * gate[i / 3] * residual[i]);
      out[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return new RgbFrame(frame.width(), frame.height(), out);
  }

  /**
   * Per pixel, how much of the difference to carry: 1 where the region around it (a square of side
   * 2 x {@link #GATE_RADIUS} + 1) still shows what the reconstruction did, falling to 0 as the
   * region's mean difference per channel value goes from {@link #GATE_FROM} to {@link #GATE_TO}
   * levels: where the new frames took an object away, its difference is not left behind.
   */
  static double[] regionGate(RgbFrame frame, RgbFrame reconstruction) {
    int w = frame.width();
    int h = frame.height();
    byte[] a = frame.rgb();
    byte[] b = reconstruction.rgb();
    long[] integral = new long[(w + 1) * (h + 1)]; // summed-area table of |a - b| per pixel
    for (int y = 0; y < h; y++) {
      long row = 0;
      for (int x = 0; x < w; x++) {
        int i = 3 * (y * w + x);
        row +=
            Math.abs((a[i] & 0xFF) - (b[i] & 0xFF))
                + Math.abs((a[i + 1] & 0xFF) - (b[i + 1] & 0xFF))
                + Math.abs((a[i + 2] & 0xFF) - (b[i + 2] & 0xFF));
        integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
      }
    }
    double[] gate = new double[w * h];
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - GATE_RADIUS);
      int y1 = Math.min(h, y + GATE_RADIUS + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - GATE_RADIUS);
        int x1 = Math.min(w, x + GATE_RADIUS + 1);
        long sum =
            integral[y1 * (w + 1) + x1]
                - integral[y0 * (w + 1) + x1]
                - integral[y1 * (w + 1) + x0]
                + integral[y0 * (w + 1) + x0];
        double mean = sum / (3.0 * (y1 - y0) * (x1 - x0));
        gate[y * w + x] = Math.max(0, Math.min(1, (GATE_TO - mean) / (GATE_TO - GATE_FROM)));
      }
    }
    return spreadLow(gate, w, h, GATE_SPREAD);
  }

  /** Each value replaced by the least within {@code r} pixels (a separable square min-filter). */
  private static double[] spreadLow(double[] g, int w, int h, int r) {
    double[] rows = new double[g.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double min = 1;
        for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
          min = Math.min(min, g[y * w + k]);
        }
        rows[y * w + x] = min;
      }
    }
    double[] out = new double[g.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double min = 1;
        for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
          min = Math.min(min, rows[k * w + x]);
        }
        out[y * w + x] = min;
      }
    }
    return out;
  }
}
