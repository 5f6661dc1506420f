package ai.kinora.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes the size and frame rate of frames and clips, in pure Java.
 *
 * <p>Each axis is filtered on its own: shrinking averages the area each output pixel covers (every
 * source pixel counts, in proportion to its overlap, so no detail aliases and a 2:1 shrink is the
 * exact 2x2 mean); enlarging uses bicubic interpolation (Keys, a = -0.5) clamped to 0..255, which
 * is smooth without the blockiness of nearest-neighbour or the blur of bilinear; an axis whose size
 * does not change is copied. Pixel centres are aligned, so the picture does not shift.
 */
public final class Resample {

  private Resample() {}

  /** {@code f} scaled to {@code w x h}; an exact copy when the size is unchanged. */
  public static RgbFrame resize(RgbFrame f, int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("target size must be positive, got " + w + "x" + h);
    }
    if (w == f.width() && h == f.height()) {
      return new RgbFrame(w, h, f.rgb().clone());
    }
    Taps horizontal = Taps.of(f.width(), w);
    Taps vertical = Taps.of(f.height(), h);
    int sw = f.width();
    byte[] src = f.rgb();
    // Horizontal pass into floats, so the vertical pass rounds only once.
    float[] mid = new float[f.height() * w * 3];
    for (int y = 0; y < f.height(); y++) {
      int row = y * sw * 3;
      for (int x = 0; x < w; x++) {
        int start = horizontal.start[x];
        float[] wt = horizontal.weights[x];
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = 0; k < wt.length; k++) {
          int i = row + horizontal.clamp(start + k) * 3;
          r += wt[k] * (src[i] & 0xFF);
          g += wt[k] * (src[i + 1] & 0xFF);
          b += wt[k] * (src[i + 2] & 0xFF);
        }
        int o = (y * w + x) * 3;
        mid[o] = r;
        mid[o + 1] = g;
        mid[o + 2] = b;
      }
    }
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      int start = vertical.start[y];
      float[] wt = vertical.weights[y];
      for (int x = 0; x < w; x++) {
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = 0; k < wt.length; k++) {
          int i = (vertical.clamp(start + k) * w + x) * 3;
          r += wt[k] * mid[i];
          g += wt[k] * mid[i + 1];
          b += wt[k] * mid[i + 2];
        }
        int o = (y * w + x) * 3;
        out[o] = toByte(r);
        out[o + 1] = toByte(g);
        out[o + 2] = toByte(b);
      }
    }
    return new RgbFrame(w, h, out);
  }

  /** Every frame of {@code v} scaled to {@code w x h}; same frame rate. */
  public static Video resize(Video v, int w, int h) {
    List<RgbFrame> frames = new ArrayList<>(v.frameCount());
    for (RgbFrame f : v.frames()) {
      frames.add(resize(f, w, h));
    }
    return new Video(frames, v.fps());
  }

  /**
   * {@code v} at {@code fps}, keeping its duration: round(n * fps / v.fps) frames (at least one),
   * each the source frame on screen at the middle of its time slot, so frames repeat when the rate
   * rises and are skipped when it falls, with no blending. The duration is kept to within half an
   * output frame.
   */
  public static Video changeFps(Video v, double fps) {
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + fps);
    }
    if (fps == v.fps()) {
      return v;
    }
    int n = v.frameCount();
    int count = (int) Math.max(1, Math.round(n * fps / v.fps()));
    List<RgbFrame> frames = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      int source = (int) Math.floor((j + 0.5) * v.fps() / fps);
      frames.add(v.frames().get(Math.min(n - 1, source)));
    }
    return new Video(frames, fps);
  }

  /**
   * Fills {@code w x h} with {@code f}: the largest centred region of {@code f} with the target's
   * aspect ratio is cut out and resized, so nothing is distorted and nothing is padded.
   */
  public static RgbFrame cropToAspect(RgbFrame f, int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("target size must be positive, got " + w + "x" + h);
    }
    int cw = f.width();
    int ch = f.height();
    // Compare aspect ratios in integers to stay exact: f.w / f.h against w / h.
    if ((long) f.width() * h > (long) w * f.height()) {
      cw = (int) Math.max(1, Math.round((double) f.height() * w / h));
    } else {
      ch = (int) Math.max(1, Math.round((double) f.width() * h / w));
    }
    return resize(crop(f, (f.width() - cw) / 2, (f.height() - ch) / 2, cw, ch), w, h);
  }

  /**
   * Fits all of {@code f} into {@code w x h} without distortion: it is resized to touch two sides
   * and centred, and the bars left over (letterbox or pillarbox) are black.
   */
  public static RgbFrame padToAspect(RgbFrame f, int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("target size must be positive, got " + w + "x" + h);
    }
    int fw = w;
    int fh = h;
    if ((long) f.width() * h > (long) w * f.height()) {
      fh = (int) Math.max(1, Math.round((double) w * f.height() / f.width()));
    } else {
      fw = (int) Math.max(1, Math.round((double) h * f.width() / f.height()));
    }
    // Resizing before padding keeps the bar edges sharp instead of filtering black into the image.
    RgbFrame inner = resize(f, fw, fh);
    byte[] out = new byte[w * h * 3];
    int x0 = (w - fw) / 2;
    int y0 = (h - fh) / 2;
    for (int y = 0; y < fh; y++) {
      System.arraycopy(inner.rgb(), y * fw * 3, out, ((y0 + y) * w + x0) * 3, fw * 3);
    }
    return new RgbFrame(w, h, out);
  }

  /** The {@code cw x ch} region of {@code f} at ({@code x0}, {@code y0}). */
  static RgbFrame crop(RgbFrame f, int x0, int y0, int cw, int ch) {
    byte[] out = new byte[cw * ch * 3];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(f.rgb(), ((y0 + y) * f.width() + x0) * 3, out, y * cw * 3, cw * 3);
    }
    return new RgbFrame(cw, ch, out);
  }

  private static byte toByte(float v) {
    int i = Math.round(v);
    return (byte) (i < 0 ? 0 : Math.min(i, 255));
  }

  /** Per output pixel along one axis: the first source index and the weights from there on. */
  private static final class Taps {
    final int[] start;
    final float[][] weights;
    final int size;

    private Taps(int dst, int size) {
      this.start = new int[dst];
      this.weights = new float[dst][];
      this.size = size;
    }

    int clamp(int i) {
      return i < 0 ? 0 : Math.min(i, size - 1);
    }

    static Taps of(int src, int dst) {
      Taps t = new Taps(dst, src);
      double scale = (double) src / dst;
      for (int i = 0; i < dst; i++) {
        if (dst == src) {
          t.start[i] = i;
          t.weights[i] = new float[] {1f};
        } else if (dst < src) {
          area(t, i, i * scale, (i + 1) * scale, scale);
        } else {
          bicubic(t, i, (i + 0.5) * scale - 0.5);
        }
      }
      return t;
    }

    /** Weights of source pixels overlapping [lo, hi), each by its overlap. */
    private static void area(Taps t, int i, double lo, double hi, double scale) {
      int first = (int) Math.floor(lo);
      int last = Math.min(t.size - 1, (int) Math.ceil(hi) - 1);
      float[] w = new float[last - first + 1];
      for (int s = first; s <= last; s++) {
        double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
        w[s - first] = (float) (overlap / scale);
      }
      t.start[i] = first;
      t.weights[i] = w;
    }

    private static void bicubic(Taps t, int i, double x) {
      int base = (int) Math.floor(x);
      float[] w = new float[4];
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        double d = Math.abs(x - (base - 1 + k));
        double v =
            d < 1 ? (1.5 * d - 2.5) * d * d + 1 : d < 2 ? ((-0.5 * d + 2.5) * d - 4) * d + 2 : 0;
        w[k] = (float) v;
        sum += v;
      }
      for (int k = 0; k < 4; k++) {
        w[k] /= (float) sum;
      }
      t.start[i] = base - 1;
      t.weights[i] = w;
    }
  }
}
