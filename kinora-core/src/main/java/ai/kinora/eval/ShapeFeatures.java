package ai.kinora.eval;

import ai.kinora.world.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Rotation-invariant measurements of one region (area, centroid, compactness, solidity, angular
 * harmonics) and the shape they indicate.
 *
 * <p>Pixels are weighted by their coverage (alpha): each pixel near the region is unmixed into
 * "object colour over the local background colour", so an anti-aliased edge pixel counts by the
 * fraction it covers. At 64x64 a small object is ~8 px across and the hard colour mask alone loses
 * a third of its area to the edge; coverage weights give sub-pixel area and centroid there.
 *
 * <p>Corners are counted by angular harmonics rather than by tracing the outline: with the centroid
 * as origin, {@code M_n = sum(alpha * r^2 * e^(i n phi))}. A shape with k-fold symmetry has energy
 * only at multiples of k, so |M_3|, |M_4|, |M_5| (normalised by sum(alpha r^2)) single out
 * triangle, square and star whatever the rotation, and a disc has none. Ideal values: square h4 =
 * 0.29, triangle h3 = 0.55, star h5 ~ 0.6; pixel grids add ~0.05 of noise to small discs. The phase
 * of M_k turns by k times the object's rotation, which is how spins are measured.
 */
final class ShapeFeatures {

  /** Measurements of one region in one frame. */
  record Features(
      double area,
      double cx,
      double cy,
      double compactness,
      double solidity,
      double[] harmonic,
      double[] phase,
      int meanRgb) {

    /** |M_n| / M_0 for n = 3, 4, 5. */
    double h(int n) {
      return harmonic[n - 3];
    }

    /** arg(M_n) for n = 3, 4, 5. */
    double phaseOf(int n) {
      return phase[n - 3];
    }

    /** The corner count the harmonics indicate: 0 (round), 3, 4 or 5. */
    int corners() {
      int best = 3;
      for (int n = 4; n <= 5; n++) {
        if (h(n) > h(best)) {
          best = n;
        }
      }
      return h(best) < ROUND_LIMIT ? 0 : best;
    }

    /** The Kinora shape these measurements indicate. */
    Shape shape() {
      // A five-pointed star is the only concave shape; at small sizes its points blur and the
      // harmonics weaken, but its hull stays far emptier than any convex shape's.
      if (solidity < STAR_SOLIDITY) {
        return Shape.STAR;
      }
      return switch (corners()) {
        case 0 -> Shape.CIRCLE;
        case 3 -> Shape.TRIANGLE;
        case 4 -> Shape.SQUARE;
        default -> Shape.STAR;
      };
    }

    String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "compactness %.2f, solidity %.2f, corners %d",
          compactness,
          solidity,
          corners());
    }
  }

  /** Below this strongest harmonic the outline is round. */
  static final double ROUND_LIMIT = 0.08;

  /** Below this solidity the region is a star (ideal 0.49; convex shapes stay near 1). */
  static final double STAR_SOLIDITY = 0.72;

  /** Residual colour distance beyond which a pixel is not a blend of object and background. */
  private static final double BLEND_RESIDUAL = 45;

  private ShapeFeatures() {}

  /**
   * Measures a region. {@code background[y]} is the background colour of row y; {@code colour} the
   * object colour. Pixels next to the region are included with their coverage, so edges count.
   */
  static Features measure(
      int[] frame, int w, int h, Components.Region region, int[] background, int colour) {
    int n = region.count();
    List<int[]> ring = new ArrayList<>();
    java.util.Set<Integer> inside = new java.util.HashSet<>(n * 2);
    for (int p : region.pixels()) {
      inside.add(p);
    }
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    double[] px = new double[n * 3];
    double[] py = new double[n * 3];
    double[] pa = new double[n * 3];
    int m = 0;
    long sr = 0;
    long sg = 0;
    long sb = 0;
    for (int p : region.pixels()) {
      int x = p % w;
      int y = p / w;
      double a = Math.max(0.5, alpha(frame[p], background[y], colour));
      // Filled holes (snow) are not object-coloured, yet inside the object: full coverage.
      if (Robust.rgbDistanceSquared(frame[p], colour) > 3600) {
        a = 1;
      } else {
        sr += (frame[p] >> 16) & 0xFF;
        sg += (frame[p] >> 8) & 0xFF;
        sb += frame[p] & 0xFF;
      }
      if (m == px.length) {
        break;
      }
      px[m] = x + 0.5;
      py[m] = y + 0.5;
      pa[m++] = a;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int nx = x + dx;
          int ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
            int q = ny * w + nx;
            if (!inside.contains(q) && seen.add(q)) {
              ring.add(new int[] {nx, ny, q});
            }
          }
        }
      }
    }
    for (int[] r : ring) {
      double a = blendAlpha(frame[r[2]], background[r[1]], colour);
      if (a > 0.05 && m < px.length) {
        px[m] = r[0] + 0.5;
        py[m] = r[1] + 0.5;
        pa[m++] = a;
      }
    }
    return moments(px, py, pa, m, meanColour(sr, sg, sb, n));
  }

  private static int meanColour(long sr, long sg, long sb, int n) {
    if (n == 0) {
      return 0;
    }
    return (int) (sr / n) << 16 | (int) (sg / n) << 8 | (int) (sb / n);
  }

  /** Coverage of an object pixel: its position on the line from background to object colour. */
  private static double alpha(int rgb, int bg, int colour) {
    double[] d = delta(colour, bg);
    double[] v = delta(rgb, bg);
    double len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    if (len2 < 1) {
      return 1;
    }
    double a = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / len2;
    return Math.max(0, Math.min(1, a));
  }

  /** Coverage of a neighbouring pixel, or 0 when it is not a blend of object and background. */
  private static double blendAlpha(int rgb, int bg, int colour) {
    double a = alpha(rgb, bg, colour);
    double[] d = delta(colour, bg);
    double[] v = delta(rgb, bg);
    double ex = v[0] - a * d[0];
    double ey = v[1] - a * d[1];
    double ez = v[2] - a * d[2];
    return ex * ex + ey * ey + ez * ez > BLEND_RESIDUAL * BLEND_RESIDUAL ? 0 : a;
  }

  private static double[] delta(int a, int b) {
    return new double[] {
      ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF),
      ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF),
      (a & 0xFF) - (b & 0xFF)
    };
  }

  /** Features of weighted points (pixel centres with coverage). */
  static Features moments(double[] x, double[] y, double[] a, int n, int meanRgb) {
    double area = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      area += a[i];
      sx += a[i] * x[i];
      sy += a[i] * y[i];
    }
    double cx = sx / area;
    double cy = sy / area;
    double m0 = 0;
    double[] re = new double[3];
    double[] im = new double[3];
    for (int i = 0; i < n; i++) {
      double dx = x[i] - cx;
      double dy = y[i] - cy;
      double r2 = dx * dx + dy * dy;
      // Each pixel is a unit square, not a point: its own second moment (1/6) keeps the
      // compactness of a few-pixel object honest.
      m0 += a[i] * (r2 + 1.0 / 6.0);
      double phi = Math.atan2(dy, dx);
      for (int k = 0; k < 3; k++) {
        re[k] += a[i] * r2 * Math.cos((k + 3) * phi);
        im[k] += a[i] * r2 * Math.sin((k + 3) * phi);
      }
    }
    double[] harmonic = new double[3];
    double[] phase = new double[3];
    for (int k = 0; k < 3; k++) {
      harmonic[k] = m0 > 0 ? Math.hypot(re[k], im[k]) / m0 : 0;
      phase[k] = Math.atan2(im[k], re[k]);
    }
    double compactness = m0 > 0 ? area * area / (2 * Math.PI * m0) : 1;
    double hull = hullArea(x, y, a, n);
    double solidity = hull > 0 ? Math.min(1, area / hull) : 1;
    return new Features(area, cx, cy, compactness, solidity, harmonic, phase, meanRgb);
  }

  /**
   * Area of the convex hull of the pixels at least half covered, grown by half a pixel all round (a
   * Minkowski sum with a disc: area + perimeter / 2 + pi / 4) so it bounds the pixels, not their
   * centres.
   */
  private static double hullArea(double[] x, double[] y, double[] a, int n) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (a[i] >= 0.5) {
        pts.add(new double[] {x[i], y[i]});
      }
    }
    if (pts.size() < 3) {
      return pts.size();
    }
    pts.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
    double[][] hull = new double[pts.size() * 2][];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      int floor = k;
      for (int i = 0; i < pts.size(); i++) {
        double[] p = pts.get(pass == 0 ? i : pts.size() - 1 - i);
        while (k >= floor + 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
          k--;
        }
        hull[k++] = p;
      }
      k--;
    }
    double area2 = 0;
    double perimeter = 0;
    for (int i = 0; i < k; i++) {
      double[] p = hull[i];
      double[] q = hull[(i + 1) % k];
      area2 += p[0] * q[1] - q[0] * p[1];
      perimeter += Math.hypot(q[0] - p[0], q[1] - p[1]);
    }
    return Math.abs(area2) / 2 + perimeter / 2 + Math.PI / 4;
  }

  private static double cross(double[] o, double[] a, double[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }

  /** Area of a Kinora shape drawn in a box of side {@code extent}. */
  static double areaFactor(Shape shape) {
    return switch (shape) {
      case CIRCLE -> Math.PI / 4;
      case SQUARE -> 1;
      case TRIANGLE -> Math.sqrt(3) / 4;
      // Ten triangles between outer radius 1/2 and inner radius 0.2, 36 degrees apart.
      case STAR -> 5 * 0.5 * 0.2 * Math.sin(Math.toRadians(36));
    };
  }

  /** Rotational symmetry order of a shape's outline (0 for the disc). */
  static int symmetry(Shape shape) {
    return switch (shape) {
      case CIRCLE -> 0;
      case TRIANGLE -> 3;
      case SQUARE -> 4;
      case STAR -> 5;
    };
  }
}
