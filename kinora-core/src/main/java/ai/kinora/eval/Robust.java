package ai.kinora.eval;

import java.util.Arrays;

/** Small robust statistics (medians, Theil–Sen lines, angle wrapping) used by every judge. */
final class Robust {

  /** A fitted straight line {@code y = intercept + slope * t}. */
  record Line(double intercept, double slope) {
    double at(double t) {
      return intercept + slope * t;
    }
  }

  // Theil–Sen looks at every pair; beyond this many points it strides so long clips stay cheap.
  private static final int MAX_PAIR_POINTS = 400;

  private Robust() {}

  /** The median of the values (NaN when empty); the input is not modified. */
  static double median(double[] values) {
    return median(values, values.length);
  }

  /** The median of the first {@code n} values (NaN when n is 0); the input is not modified. */
  static double median(double[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    double[] copy = Arrays.copyOf(values, n);
    Arrays.sort(copy);
    return n % 2 == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
  }

  /**
   * The Theil–Sen line through (t, y): the median of pairwise slopes, then the median intercept. A
   * few wrong points (a mis-assigned region, a centroid dragged by an overlap) cannot tilt it,
   * which a least-squares fit cannot promise. With one point the slope is 0.
   */
  static Line theilSen(double[] t, double[] y, int n) {
    if (n == 0) {
      return new Line(Double.NaN, 0);
    }
    int stride = Math.max(1, n / MAX_PAIR_POINTS);
    int pairs = 0;
    double[] slopes = new double[(n / stride + 1) * (n / stride + 1) / 2 + 1];
    for (int i = 0; i < n; i += stride) {
      for (int j = i + stride; j < n; j += stride) {
        double dt = t[j] - t[i];
        if (dt > 1e-9) {
          slopes[pairs++] = (y[j] - y[i]) / dt;
        }
      }
    }
    double slope = pairs == 0 ? 0 : median(slopes, pairs);
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = y[i] - slope * t[i];
    }
    return new Line(median(residual, n), slope);
  }

  /**
   * Least-squares parabola {@code y = a + b t + c t^2}; returns {a, b, c}, or null when the points
   * cannot determine one. Used only on short, clean segments (a fall before its first bounce).
   */
  static double[] parabola(double[] t, double[] y, int from, int to) {
    int n = to - from;
    if (n < 3) {
      return null;
    }
    double[][] m = new double[3][4];
    for (int i = from; i < to; i++) {
      double[] basis = {1, t[i], t[i] * t[i]};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          m[r][c] += basis[r] * basis[c];
        }
        m[r][3] += basis[r] * y[i];
      }
    }
    for (int col = 0; col < 3; col++) {
      int pivot = col;
      for (int r = col + 1; r < 3; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-12) {
        return null;
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = 0; r < 3; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c < 4; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
  }

  /** The angle brought into (-pi, pi]. */
  static double wrap(double angle) {
    double a = angle % (2 * Math.PI);
    if (a > Math.PI) {
      a -= 2 * Math.PI;
    } else if (a <= -Math.PI) {
      a += 2 * Math.PI;
    }
    return a;
  }

  /**
   * Index of the class value nearest to {@code value} on a log scale. Size and speed words form
   * geometric ladders (0.12/0.2/0.3, 0.15/0.3/0.6), so the fair boundary between two neighbours is
   * their geometric mean, not their average.
   */
  static int nearestOnLogScale(double value, double[] classes) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    double log = Math.log(Math.max(value, 1e-9));
    for (int i = 0; i < classes.length; i++) {
      double d = Math.abs(log - Math.log(classes[i]));
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  /** Euclidean RGB distance between two packed 0xRRGGBB colours. */
  static double rgbDistance(int a, int b) {
    return Math.sqrt(rgbDistanceSquared(a, b));
  }

  /** Squared Euclidean RGB distance between two packed 0xRRGGBB colours. */
  static int rgbDistanceSquared(int a, int b) {
    int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
    int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
    int db = (a & 0xFF) - (b & 0xFF);
    return dr * dr + dg * dg + db * db;
  }

  /** "(r,g,b)" for reports. */
  static String rgbText(int rgb) {
    return "(" + ((rgb >> 16) & 0xFF) + "," + ((rgb >> 8) & 0xFF) + "," + (rgb & 0xFF) + ")";
  }
}
