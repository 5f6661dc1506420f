package ai.kinora.world;

/**
 * Traces the outline of each {@link Shape} at a {@link Kinematics.Pose} as a polygon for the {@link
 * CoverageRasterizer}: circle diameter, square side and triangle width equal the pose's extent; the
 * star's outer radius is half of it; rotation is clockwise on screen about the centre.
 *
 * <p>Trigonometry goes through {@link StrictMath} so vertices, and hence frames, are the same on
 * every machine. Not thread-safe: circle tables are cached per instance.
 */
final class ShapeOutline {

  /** How far a circle's polygon may stray from the true circle, in pixels. */
  private static final double CIRCLE_TOLERANCE = 0.02;

  private static final int MIN_CIRCLE_SIDES = 12;
  private static final int MAX_CIRCLE_SIDES = 2048;

  /** Half the height of a unit-width equilateral triangle: sqrt(3) / 4. */
  private static final double TRIANGLE_HALF_HEIGHT = StrictMath.sqrt(3.0) / 4.0;

  static final double STAR_INNER_RATIO = 0.4;

  /** The five-point star at unit outer radius, pointing up, alternating outer and inner points. */
  private static final double[] STAR_X = new double[10];

  private static final double[] STAR_Y = new double[10];

  static {
    for (int k = 0; k < 10; k++) {
      double r = k % 2 == 0 ? 1.0 : STAR_INNER_RATIO;
      double a = -Math.PI / 2 + k * Math.PI / 5;
      STAR_X[k] = r * StrictMath.cos(a);
      STAR_Y[k] = r * StrictMath.sin(a);
    }
  }

  private final double[][] circleCos = new double[MAX_CIRCLE_SIDES + 1][];
  private final double[][] circleSin = new double[MAX_CIRCLE_SIDES + 1][];

  /** The area of a shape with bounding-box side {@code extent}, as the renderer draws it. */
  static double area(Shape shape, double extent) {
    double e2 = extent * extent;
    return switch (shape) {
      case CIRCLE -> Math.PI / 4 * e2;
      case SQUARE -> e2;
      case TRIANGLE -> TRIANGLE_HALF_HEIGHT * e2;
      // Ten triangles from the centre, each spanning 36 degrees between an outer and inner point.
      case STAR -> 5 * (extent / 2) * (STAR_INNER_RATIO * extent / 2) * StrictMath.sin(Math.PI / 5);
    };
  }

  /** Emits the outline of {@code shape} at {@code pose} into {@code out} (after begin()). */
  void trace(Shape shape, Kinematics.Pose pose, CoverageRasterizer out) {
    double e = pose.extent();
    double cos = 1;
    double sin = 0;
    if (pose.angle() != 0 && shape != Shape.CIRCLE) {
      cos = StrictMath.cos(pose.angle());
      sin = StrictMath.sin(pose.angle());
    }
    double cx = pose.x();
    double cy = pose.y();
    switch (shape) {
      case CIRCLE -> circle(cx, cy, e / 2, out);
      case SQUARE -> {
        double h = e / 2;
        corner(cx, cy, -h, -h, cos, sin, out);
        corner(cx, cy, h, -h, cos, sin, out);
        corner(cx, cy, h, h, cos, sin, out);
        corner(cx, cy, -h, h, cos, sin, out);
      }
      case TRIANGLE -> {
        double hh = TRIANGLE_HALF_HEIGHT * e;
        corner(cx, cy, 0, -hh, cos, sin, out);
        corner(cx, cy, e / 2, hh, cos, sin, out);
        corner(cx, cy, -e / 2, hh, cos, sin, out);
      }
      case STAR -> {
        double r = e / 2;
        for (int k = 0; k < 10; k++) {
          corner(cx, cy, r * STAR_X[k], r * STAR_Y[k], cos, sin, out);
        }
      }
    }
  }

  /** Rotates (dx, dy) clockwise on screen by the angle whose cosine and sine are given. */
  private static void corner(
      double cx, double cy, double dx, double dy, double cos, double sin, CoverageRasterizer out) {
    out.vertex(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
  }

  /**
   * A regular polygon fine enough to be within {@link #CIRCLE_TOLERANCE} of the circle, with its
   * radius enlarged so that its area equals the circle's: pixel counts then match pi r^2.
   */
  private void circle(double cx, double cy, double radius, CoverageRasterizer out) {
    if (!(radius > 0)) {
      return;
    }
    double ratio = 1 - CIRCLE_TOLERANCE / radius;
    int sides =
        ratio <= 0
            ? MIN_CIRCLE_SIDES
            : (int) Math.ceil(Math.PI / StrictMath.acos(Math.max(-1, ratio)));
    sides = Math.max(MIN_CIRCLE_SIDES, Math.min(MAX_CIRCLE_SIDES, sides));
    double[] cos = circleCos[sides];
    double[] sin = circleSin[sides];
    if (cos == null) {
      cos = new double[sides];
      sin = new double[sides];
      double equalArea =
          StrictMath.sqrt(2 * Math.PI / (sides * StrictMath.sin(2 * Math.PI / sides)));
      for (int k = 0; k < sides; k++) {
        double a = 2 * Math.PI * k / sides;
        cos[k] = equalArea * StrictMath.cos(a);
        sin[k] = equalArea * StrictMath.sin(a);
      }
      circleCos[sides] = cos;
      circleSin[sides] = sin;
    }
    for (int k = 0; k < sides; k++) {
      out.vertex(cx + radius * cos[k], cy + radius * sin[k]);
    }
  }
}
