package ai.kinora.world;

/**
 * An anti-aliasing polygon filler for packed RGB byte frames that computes each pixel's exact area
 * coverage analytically, so interiors keep the exact fill colour and only edge pixels blend.
 *
 * <p>Each polygon edge adds signed area to a scratch buffer covering the on-screen part of the
 * polygon's bounding box; a running sum along every row then turns those contributions into
 * coverage. The work is proportional to the box area plus the perimeter, whatever the shape, and it
 * uses only double and float arithmetic, which Java evaluates identically everywhere, so the output
 * is bit-exact. Pixel (i, j) is the square [i, i+1] x [j, j+1]. Not thread-safe: the scratch
 * buffers are reused.
 */
final class CoverageRasterizer {

  private final int width;
  private final int height;
  private double[] xs = new double[64];
  private double[] ys = new double[64];
  private int count;
  private float[] acc = new float[0];
  private int stride;

  CoverageRasterizer(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Starts a new polygon. */
  void begin() {
    count = 0;
  }

  /** Adds the next vertex of the polygon being built (screen pixels). */
  void vertex(double x, double y) {
    if (count == xs.length) {
      xs = java.util.Arrays.copyOf(xs, count * 2);
      ys = java.util.Arrays.copyOf(ys, count * 2);
    }
    xs[count] = x;
    ys[count] = y;
    count++;
  }

  /**
   * Fills the polygon built since {@link #begin()} (closed implicitly, simple, either winding) with
   * the packed 0xRRGGBB {@code colour}, blending edge pixels by their covered area.
   */
  void fill(byte[] rgb, int colour) {
    if (count < 3) {
      return;
    }
    double minX = xs[0];
    double maxX = xs[0];
    double minY = ys[0];
    double maxY = ys[0];
    for (int i = 1; i < count; i++) {
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    // NaN poses fail these tests too, so they draw nothing rather than corrupting the frame.
    if (!(maxX > 0 && minX < width && maxY > 0 && minY < height)) {
      return;
    }
    // The buffer spans only visible columns: area left of the screen is added to column 0, which
    // leaves every running sum unchanged, so the buffer never outgrows the frame.
    int left = (int) Math.max(0, Math.floor(minX));
    int right = (int) Math.min(width, Math.floor(maxX) + 1);
    int top = (int) Math.max(0, Math.floor(minY));
    int bottom = (int) Math.min(height, Math.ceil(maxY));
    int rows = bottom - top;
    // One spare column takes what lies right of the last pixel; it is never displayed.
    stride = right - left + 1;
    if (acc.length < rows * stride) {
      acc = new float[rows * stride];
    }
    for (int i = 0; i < count; i++) {
      int j = i + 1 == count ? 0 : i + 1;
      edge(xs[i] - left, ys[i] - top, xs[j] - left, ys[j] - top, rows);
    }
    resolve(rgb, colour, left, top, rows);
  }

  /** Adds one edge, in box coordinates, clipped to rows [0, rows). */
  private void edge(double x0, double y0, double x1, double y1, int rows) {
    if (y0 == y1) {
      return;
    }
    float sign = 1f;
    if (y0 > y1) {
      double t = x0;
      x0 = x1;
      x1 = t;
      t = y0;
      y0 = y1;
      y1 = t;
      sign = -1f;
    }
    double yStart = Math.max(y0, 0);
    double yEnd = Math.min(y1, rows);
    if (yStart >= yEnd) {
      return;
    }
    double dxdy = (x1 - x0) / (y1 - y0);
    double y = yStart;
    double x = x0 + (y - y0) * dxdy;
    while (y < yEnd) {
      int row = (int) y;
      double yNext = Math.min(row + 1.0, yEnd);
      // Recomputed from the start point, not accumulated, so long edges do not drift.
      double xNext = x0 + (yNext - y0) * dxdy;
      span(row * stride, x, xNext, (float) (yNext - y) * sign);
      y = yNext;
      x = xNext;
    }
  }

  /**
   * Adds a piece of edge lying within one pixel row, from x {@code xa} to {@code xb}, of signed
   * height {@code d}: each pixel column it crosses receives the area to the right of the edge
   * inside that column, the rest of its height carries into the next column.
   */
  private void span(int base, double xa, double xb, float d) {
    if (xa > xb) {
      double t = xa;
      xa = xb;
      xb = t;
    }
    int ca = (int) Math.floor(xa);
    int cb = (int) Math.floor(xb);
    if (ca == cb) {
      float f = (float) ((xa + xb) * 0.5 - ca);
      add(base, ca, d * (1f - f));
      add(base, ca + 1, d * f);
      return;
    }
    double slope = d / (xb - xa);
    double first = (ca + 1 - xa) * slope;
    float f = (float) ((xa + ca + 1) * 0.5 - ca);
    add(base, ca, (float) first * (1f - f));
    add(base, ca + 1, (float) first * f);
    int c = ca + 1;
    if (c < 0) {
      // Whole columns left of the screen put all their height into column 0.
      int skip = Math.min(cb, 0) - c;
      acc[base] += (float) (skip * slope);
      c += skip;
    }
    float half = (float) (slope * 0.5);
    // Whole columns past the last pixel only feed the spare column, so they are skipped.
    for (int end = Math.min(cb, stride - 1); c < end; c++) {
      acc[base + c] += half;
      acc[base + c + 1] += half;
    }
    double tail = (xb - cb) * slope;
    f = (float) ((xb - cb) * 0.5);
    add(base, cb, (float) tail * (1f - f));
    add(base, cb + 1, (float) tail * f);
  }

  /** Adds to a column of the row at {@code base}, folding off-screen columns onto the ends. */
  private void add(int base, int column, float v) {
    acc[base + Math.max(0, Math.min(stride - 1, column))] += v;
  }

  /** Turns the accumulated areas into coverage, blends the colour, and clears the buffer. */
  private void resolve(byte[] rgb, int colour, int left, int top, int rows) {
    int fr = (colour >> 16) & 0xFF;
    int fg = (colour >> 8) & 0xFF;
    int fb = colour & 0xFF;
    byte br = (byte) fr;
    byte bg = (byte) fg;
    byte bb = (byte) fb;
    int pixels = stride - 1;
    for (int r = 0; r < rows; r++) {
      int base = r * stride;
      float sum = 0f;
      int p = ((top + r) * width + left) * 3;
      for (int c = 0; c < pixels; c++, p += 3) {
        sum += acc[base + c];
        acc[base + c] = 0f;
        float cover = Math.abs(sum);
        // Float rounding leaves interiors a hair off 1 and exteriors a hair off 0; quantising to
        // 1/255 snaps both, which keeps interiors exact and untouched pixels untouched.
        int a = cover >= 1f ? 255 : (int) (cover * 255f + 0.5f);
        if (a == 255) {
          rgb[p] = br;
          rgb[p + 1] = bg;
          rgb[p + 2] = bb;
        } else if (a > 0) {
          int na = 255 - a;
          rgb[p] = (byte) ((fr * a + (rgb[p] & 0xFF) * na + 127) / 255);
          rgb[p + 1] = (byte) ((fg * a + (rgb[p + 1] & 0xFF) * na + 127) / 255);
          rgb[p + 2] = (byte) ((fb * a + (rgb[p + 2] & 0xFF) * na + 127) / 255);
        }
      }
      acc[base + pixels] = 0f;
    }
  }
}
