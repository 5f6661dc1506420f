package ai.kinora.eval;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import java.util.List;

/**
 * Reconstruction fidelity of frames and videos against a reference, by the standard definitions, on
 * 8-bit RGB values (peak 255):
 *
 * <ul>
 *   <li>PSNR = 10 log10(255^2 / MSE), the mean squared error taken over every pixel and channel (of
 *       every frame, for a video); identical inputs give positive infinity.
 *   <li>SSIM (Wang, Bovik, Sheikh and Simoncelli 2004) with their constants K1 = 0.01, K2 = 0.03
 *       and an 11x11 Gaussian window of sigma 1.5, evaluated where the window fits inside the frame
 *       (no padding), averaged over the frame, computed per R, G and B channel and averaged over
 *       them; a video's SSIM is the mean over its frames. Frames smaller than 11 pixels a side use
 *       the largest odd window that fits.
 * </ul>
 */
public final class Fidelity {

  private static final double PEAK = 255;
  private static final double C1 = Math.pow(0.01 * PEAK, 2);
  private static final double C2 = Math.pow(0.03 * PEAK, 2);
  private static final int WINDOW = 11;
  private static final double SIGMA = 1.5;

  private Fidelity() {}

  /** Mean squared error over every pixel and channel, in 8-bit units squared. */
  public static double mse(RgbFrame reference, RgbFrame test) {
    checkSameSize(reference, test);
    byte[] a = reference.rgb();
    byte[] b = test.rgb();
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      int d = (a[i] & 0xFF) - (b[i] & 0xFF);
      sum += d * d;
    }
    return (double) sum / a.length;
  }

  /** PSNR in dB of one frame. */
  public static double psnr(RgbFrame reference, RgbFrame test) {
    return psnrOf(mse(reference, test));
  }

  /** PSNR in dB of a video: the MSE is pooled over all frames. */
  public static double psnr(List<RgbFrame> reference, List<RgbFrame> test) {
    checkSameLength(reference, test);
    double sum = 0;
    for (int i = 0; i < reference.size(); i++) {
      sum += mse(reference.get(i), test.get(i));
    }
    return psnrOf(sum / reference.size());
  }

  public static double psnr(Video reference, Video test) {
    return psnr(reference.frames(), test.frames());
  }

  /** PSNR in dB for a mean squared error in 8-bit units. */
  public static double psnrOf(double mse) {
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(PEAK * PEAK / mse);
  }

  /** SSIM of one frame, in [-1, 1] (1 for identical frames). */
  public static double ssim(RgbFrame reference, RgbFrame test) {
    checkSameSize(reference, test);
    int w = reference.width();
    int h = reference.height();
    int window = Math.min(WINDOW, Math.min(w, h));
    if (window % 2 == 0) {
      window--;
    }
    double[] kernel = gaussian(window);
    double total = 0;
    for (int c = 0; c < 3; c++) {
      double[] x = channel(reference, c);
      double[] y = channel(test, c);
      double[] xx = new double[x.length];
      double[] yy = new double[x.length];
      double[] xy = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        xx[i] = x[i] * x[i];
        yy[i] = y[i] * y[i];
        xy[i] = x[i] * y[i];
      }
      double[] mx = filter(x, w, h, kernel);
      double[] my = filter(y, w, h, kernel);
      double[] sxx = filter(xx, w, h, kernel);
      double[] syy = filter(yy, w, h, kernel);
      double[] sxy = filter(xy, w, h, kernel);
      double sum = 0;
      for (int i = 0; i < mx.length; i++) {
        double vx = sxx[i] - mx[i] * mx[i];
        double vy = syy[i] - my[i] * my[i];
        double cov = sxy[i] - mx[i] * my[i];
        sum +=
            (2 * mx[i] * my[i] + C1)
                * (2 * cov + C2)
                / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
      }
      total += sum / mx.length;
    }
    return total / 3;
  }

  /** SSIM of a video: the mean of its frames' SSIM. */
  public static double ssim(List<RgbFrame> reference, List<RgbFrame> test) {
    checkSameLength(reference, test);
    double sum = 0;
    for (int i = 0; i < reference.size(); i++) {
      sum += ssim(reference.get(i), test.get(i));
    }
    return sum / reference.size();
  }

  public static double ssim(Video reference, Video test) {
    return ssim(reference.frames(), test.frames());
  }

  private static double[] gaussian(int size) {
    double[] k = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double d = i - (size - 1) / 2.0;
      k[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
      sum += k[i];
    }
    for (int i = 0; i < size; i++) {
      k[i] /= sum;
    }
    return k;
  }

  private static double[] channel(RgbFrame f, int c) {
    byte[] rgb = f.rgb();
    double[] out = new double[f.width() * f.height()];
    for (int p = 0, i = c; p < out.length; p++, i += 3) {
      out[p] = rgb[i] & 0xFF;
    }
    return out;
  }

  /** Separable "valid" filtering: (w - k + 1) x (h - k + 1) outputs. */
  private static double[] filter(double[] v, int w, int h, double[] k) {
    int ow = w - k.length + 1;
    int oh = h - k.length + 1;
    double[] rows = new double[ow * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int j = 0; j < k.length; j++) {
          s += k[j] * v[y * w + x + j];
        }
        rows[y * ow + x] = s;
      }
    }
    double[] out = new double[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        double s = 0;
        for (int j = 0; j < k.length; j++) {
          s += k[j] * rows[(y + j) * ow + x];
        }
        out[y * ow + x] = s;
      }
    }
    return out;
  }

  private static void checkSameSize(RgbFrame a, RgbFrame b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(
          "cannot compare a "
              + a.width()
              + "x"
              + a.height()
              + " frame with a "
              + b.width()
              + "x"
              + b.height()
              + " frame");
    }
  }

  private static void checkSameLength(List<RgbFrame> a, List<RgbFrame> b) {
    if (a.size() != b.size() || a.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot compare videos of " + a.size() + " and " + b.size() + " frames");
    }
  }
}
