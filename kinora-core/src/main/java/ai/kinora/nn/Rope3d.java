package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding (Su et al. 2021, RoFormer) on three axes (t, y, x), as video DiTs use
 * it: each head's dimensions are split into a time, a height and a width part, and each part is
 * rotated by the angles of its own coordinate. A query-key product then depends only on the
 * difference of the two tokens' coordinates, so the model sees relative positions in space and time
 * and runs at any duration, size and aspect ratio.
 *
 * <p>Within each part, dimension i is paired with dimension i + d/2 (the "rotate half" layout).
 * Angles are computed in double precision on the host from integer coordinates.
 */
public final class Rope3d {

  /** The head dimensions given to each axis; each is even. */
  public record Axes(int t, int y, int x) {
    public Axes {
      if (t < 2 || y < 2 || x < 2 || t % 2 != 0 || y % 2 != 0 || x % 2 != 0) {
        throw new IllegalArgumentException(
            "rotary axes need even sizes >= 2, got (" + t + ", " + y + ", " + x + ")");
      }
    }

    /**
     * Splits {@code headDim} as about 1/4 for time and 3/8 for each spatial axis, since frames
     * carry fewer positions than rows or columns: 64 -> (16, 24, 24), 32 -> (8, 12, 12).
     */
    public static Axes split(int headDim) {
      if (headDim < 8 || headDim % 2 != 0) {
        throw new IllegalArgumentException("3D rotary needs an even head dim >= 8, got " + headDim);
      }
      int spatial = 2 * (3 * headDim / 16);
      return new Axes(headDim - 2 * spatial, spatial, spatial);
    }

    public int total() {
      return t + y + x;
    }
  }

  /**
   * The rotation of N tokens: cos and sin (N, Dh) and the signed permutation (Dh, Dh) that maps
   * each part's [a, b] to [-b, a]; shared by every block of a forward pass.
   */
  public record Table(NDArray cos, NDArray sin, NDArray rotateHalf) {}

  private final Axes axes;
  private final double theta;

  /** {@code theta}: the base of the frequency ladder (10,000 as in RoFormer). */
  public Rope3d(Axes axes, double theta) {
    if (!(theta > 1)) {
      throw new IllegalArgumentException("rotary base must be > 1, got " + theta);
    }
    this.axes = axes;
    this.theta = theta;
  }

  public Axes axes() {
    return axes;
  }

  /** The table for integer coordinates (N, 3) of (t, y, x); arrays live in coords' manager. */
  public Table table(NDArray coords) {
    Shape s = coords.getShape();
    if (s.dimension() != 2 || s.get(1) != 3) {
      throw new IllegalArgumentException("coordinates must be (N, 3), got " + s);
    }
    int n = (int) s.get(0);
    int dim = axes.total();
    int[] c = coords.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    float[] cos = new float[n * dim];
    float[] sin = new float[n * dim];
    int[] sizes = {axes.t(), axes.y(), axes.x()};
    for (int token = 0; token < n; token++) {
      int offset = 0;
      for (int axis = 0; axis < 3; axis++) {
        int half = sizes[axis] / 2;
        for (int i = 0; i < half; i++) {
          double frequency = Math.pow(theta, -2.0 * i / sizes[axis]);
          double angle = c[token * 3 + axis] * frequency;
          int at = token * dim + offset + i;
          cos[at] = cos[at + half] = (float) Math.cos(angle);
          sin[at] = sin[at + half] = (float) Math.sin(angle);
        }
        offset += sizes[axis];
      }
    }
    NDManager m = coords.getManager();
    return new Table(
        m.create(cos, new Shape(n, dim)), m.create(sin, new Shape(n, dim)), rotateHalf(m, sizes));
  }

  private static NDArray rotateHalf(NDManager m, int[] sizes) {
    int dim = sizes[0] + sizes[1] + sizes[2];
    float[] r = new float[dim * dim]; // row = input dim, column = output dim: (x @ R)[j]
    int offset = 0;
    for (int size : sizes) {
      int half = size / 2;
      for (int i = 0; i < half; i++) {
        r[(offset + half + i) * dim + offset + i] = -1; // out[i] = -x[i + half]
        r[(offset + i) * dim + offset + half + i] = 1; // out[i + half] = x[i]
      }
      offset += size;
    }
    return m.create(r, new Shape(dim, dim));
  }

  /** Rotates queries or keys (B, H, N, Dh) by their tokens' angles. */
  public static NDArray apply(NDArray x, Table table) {
    NDArray rotated = x.matMul(table.rotateHalf()); // (B, H, N, Dh), each [a, b] -> [-b, a]
    return x.mul(table.cos()).add(rotated.mul(table.sin())); // (B, H, N, Dh)
  }
}
