package ai.kinora.eval;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;

/**
 * A video reduced by area averaging so that its longer side is at most {@link #MAX_SIDE} pixels:
 * the only form of the pixels the scorer reads.
 *
 * <p>Why area averaging and 256: the scorer's cost is then bounded whatever the input (a 1280x720
 * clip becomes 256x144, a 1920x1080 one too), and averaging, unlike picking pixels, keeps every
 * object's colour mass: interiors keep their exact colour, edges become blends like the renderer's
 * anti-aliasing, and 1-2 px snow flakes or stars fade into the background instead of aliasing into
 * spurious regions. The price is paid by small objects: the smallest Kinora object (0.12 of the
 * shorter side) spans 0.12 * 144 = 17 px at 16:9 and 0.12 * 256 = 31 px in a square clip, and a
 * 64x64 clip (7.7 px objects) is never reduced at all, so no Kinora canvas makes an object smaller
 * than the 64x64 case, which the tests cover. Only extreme aspect ratios (e.g. 1920x200) push
 * objects below the ~5 px where shape can be judged; the shape judge then says "not judged".
 *
 * <p>The factor is an integer, so each working pixel is the mean of a whole block of source pixels
 * (a partial block at the right and bottom edges when the size is not divisible).
 */
public final class WorkingVideo {

  /** The longest side, in pixels, at which the scorer works. */
  public static final int MAX_SIDE = 256;

  private final int width;
  private final int height;
  private final int factor;
  private final int sourceWidth;
  private final int sourceHeight;
  private final double fps;
  private final int[][] frames;

  private WorkingVideo(
      int width, int height, int factor, int sourceWidth, int sourceHeight, double fps, int[][] f) {
    this.width = width;
    this.height = height;
    this.factor = factor;
    this.sourceWidth = sourceWidth;
    this.sourceHeight = sourceHeight;
    this.fps = fps;
    this.frames = f;
  }

  /** Reduces a video to the working resolution (a copy at factor 1 when already small enough). */
  public static WorkingVideo of(Video video) {
    int sw = video.width();
    int sh = video.height();
    int f = Math.max(1, (int) Math.ceil(Math.max(sw, sh) / (double) MAX_SIDE));
    int w = (sw + f - 1) / f;
    int h = (sh + f - 1) / f;
    int[][] out = new int[video.frameCount()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = reduce(video.frames().get(i), f, w, h);
    }
    return new WorkingVideo(w, h, f, sw, sh, video.fps(), out);
  }

  private static int[] reduce(RgbFrame frame, int f, int w, int h) {
    byte[] rgb = frame.rgb();
    int sw = frame.width();
    int sh = frame.height();
    int[] out = new int[w * h];
    if (f == 1) {
      for (int p = 0, i = 0; p < out.length; p++, i += 3) {
        out[p] = ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
      }
      return out;
    }
    int[] sum = new int[w * 3];
    for (int oy = 0; oy < h; oy++) {
      java.util.Arrays.fill(sum, 0);
      int rows = Math.min(f, sh - oy * f);
      for (int sy = oy * f; sy < oy * f + rows; sy++) {
        int i = sy * sw * 3;
        int ox3 = 0;
        int k = 0;
        // One sequential pass over the source row; the block index advances every f pixels.
        for (int sx = 0; sx < sw; sx++, i += 3) {
          sum[ox3] += rgb[i] & 0xFF;
          sum[ox3 + 1] += rgb[i + 1] & 0xFF;
          sum[ox3 + 2] += rgb[i + 2] & 0xFF;
          if (++k == f) {
            k = 0;
            ox3 += 3;
          }
        }
      }
      for (int ox = 0; ox < w; ox++) {
        int n = Math.min(f, sw - ox * f) * rows;
        int r = (sum[ox * 3] + n / 2) / n;
        int g = (sum[ox * 3 + 1] + n / 2) / n;
        int b = (sum[ox * 3 + 2] + n / 2) / n;
        out[oy * w + ox] = (r << 16) | (g << 8) | b;
      }
    }
    return out;
  }

  /** Working width in pixels. */
  public int width() {
    return width;
  }

  /** Working height in pixels. */
  public int height() {
    return height;
  }

  /** Source pixels per working pixel along each axis. */
  public int factor() {
    return factor;
  }

  public int sourceWidth() {
    return sourceWidth;
  }

  public int sourceHeight() {
    return sourceHeight;
  }

  public double fps() {
    return fps;
  }

  public int frameCount() {
    return frames.length;
  }

  /** Time of frame {@code i} in seconds: frame i is shown at i / fps. */
  public double time(int i) {
    return i / fps;
  }

  /** Length of the clip in seconds, frameCount / fps: the video's own clock, never the scene's. */
  public double clipSeconds() {
    return frames.length / fps;
  }

  /** Packed 0xRRGGBB pixels of frame {@code i}, row-major; shared, do not modify. */
  int[] pixels(int i) {
    return frames[i];
  }
}
