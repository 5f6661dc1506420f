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
 * not show. Where it moves the content away at once, the difference is the input's object itself,
 * which then fades out over the same second like a cross-dissolve instead of cutting. (Gating the
 * carry per pixel by how far the new frame strays from the reconstruction was measured and dropped:
 * the joins got worse, and the fade still showed.)
 */
final class SeamCarry {

  /** Frames over which the carried difference fades to nothing. */
  static final int FADE_FRAMES = 8;

  private SeamCarry() {}

  /**
   * {@code generated} (frames that follow a join) with {@code input - reconstruction} added, weight
   * 1 - d / (FADE_FRAMES + 1) at distance d = 1, 2, ... after the join.
   */
  static List<RgbFrame> after(List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction) {
    return after(generated, input, reconstruction, FADE_FRAMES);
  }

  /** As {@link #after(List, RgbFrame, RgbFrame)}, fading over {@code fade} frames. */
  static List<RgbFrame> after(
      List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction, int fade) {
    int[] residual = residual(input, reconstruction);
    List<RgbFrame> out = new ArrayList<>(generated);
    for (int i = 0; i < Math.min(fade, out.size()); i++) {
      out.set(i, add(out.get(i), residual, weight(i + 1, fade)));
    }
    return out;
  }

  /**
   * {@code generated} (frames that lead into a join) with {@code input - reconstruction} added,
   * weight 1 - d / (FADE_FRAMES + 1) at distance d = 1, 2, ... before the join.
   */
  static List<RgbFrame> before(List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction) {
    return before(generated, input, reconstruction, FADE_FRAMES);
  }

  /** As {@link #before(List, RgbFrame, RgbFrame)}, fading over {@code fade} frames. */
  static List<RgbFrame> before(
      List<RgbFrame> generated, RgbFrame input, RgbFrame reconstruction, int fade) {
    int[] residual = residual(input, reconstruction);
    List<RgbFrame> out = new ArrayList<>(generated);
    int n = out.size();
    for (int d = 1; d <= Math.min(fade, n); d++) {
      out.set(n - d, add(out.get(n - d), residual, weight(d, fade)));
    }
    return out;
  }

  /** The carried share at distance {@code d} frames from the join, fading over {@code fade}. */
  static double weight(int d, int fade) {
    return Math.max(0, 1 - d / (double) (fade + 1));
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

  private static RgbFrame add(RgbFrame frame, int[] residual, double weight) {
    byte[] src = frame.rgb();
    if (src.length != residual.length) {
      throw new IllegalArgumentException("a generated frame differs in size from its join");
    }
    byte[] out = new byte[src.length];
    for (int i = 0; i < out.length; i++) {
      long v = Math.round((src[i] & 0xFF) + weight * residual[i]);
      out[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return new RgbFrame(frame.width(), frame.height(), out);
  }
}
