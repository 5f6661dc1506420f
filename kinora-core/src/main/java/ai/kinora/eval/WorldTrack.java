package ai.kinora.eval;

import ai.kinora.eval.Tracker.Observation;
import ai.kinora.world.Motion;

/**
 * One object's measured centroids in world coordinates (the camera's pan and zoom undone), over the
 * frames where it is present, with the fits that the motion and visibility judges share.
 *
 * <p>Camera moves are part of the scene and their effect on every point of the screen is known
 * without knowing where objects start, so undoing them (Kinematics' worldX / worldY) turns "moves
 * right under a camera panning right" into plain "moves right", and an orbit under a zoom back into
 * a circle about the world centre.
 */
final class WorldTrack {

  final double[] t;
  final double[] x;
  final double[] y;
  final double[] screenArea;
  final int[] frame;
  final int n;

  /** Whether only unclipped observations (away from frame edges and the post) were taken. */
  final boolean unclipped;

  private WorldTrack(
      double[] t, double[] x, double[] y, double[] area, int[] frame, int n, boolean unclipped) {
    this.t = t;
    this.x = x;
    this.y = y;
    this.screenArea = area;
    this.frame = frame;
    this.n = n;
    this.unclipped = unclipped;
  }

  /**
   * The present observations, preferring (when {@code preferUnclipped} and at least two exist) the
   * unclipped ones: a centroid of an object half out of frame or half behind the post lies off its
   * true centre and would fake a motion.
   */
  static WorldTrack of(Observation[] track, SceneGeometry g, boolean preferUnclipped) {
    int present = 0;
    int unclipped = 0;
    for (Observation o : track) {
      if (o != null && o.present()) {
        present++;
        unclipped += o.clipped() ? 0 : 1;
      }
    }
    boolean onlyUnclipped = preferUnclipped && unclipped >= 2;
    int n = onlyUnclipped ? unclipped : present;
    double[] t = new double[n];
    double[] x = new double[n];
    double[] y = new double[n];
    double[] a = new double[n];
    int[] frame = new int[n];
    int k = 0;
    for (Observation o : track) {
      if (o != null && o.present() && (!onlyUnclipped || !o.clipped())) {
        t[k] = o.t();
        x[k] = g.worldX(o.cx(), o.t());
        y[k] = g.worldY(o.cy(), o.t());
        a[k] = o.features().area();
        frame[k++] = o.frame();
      }
    }
    return new WorldTrack(t, x, y, a, frame, n, onlyUnclipped);
  }

  Robust.Line lineX() {
    return Robust.theilSen(t, x, n);
  }

  Robust.Line lineY() {
    return Robust.theilSen(t, y, n);
  }

  /** Time between the first and last observation. */
  double span() {
    return n == 0 ? 0 : t[n - 1] - t[0];
  }

  /** Angle of each observation about (cx, cy), y down, so increasing angles turn clockwise. */
  double[] angles(double cx, double cy) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = Math.atan2(y[i] - cy, x[i] - cx);
    }
    return a;
  }

  /**
   * Angular speed about (cx, cy) in rad/s (positive clockwise on screen): the median over
   * consecutive observations of the wrapped angle step per second, robust to gaps of up to half a
   * turn (an orbit hidden behind the post for a few frames). NaN with fewer than two observations.
   */
  double angularSpeed(double cx, double cy) {
    if (n < 2) {
      return Double.NaN;
    }
    double[] a = angles(cx, cy);
    double[] rates = new double[n - 1];
    int m = 0;
    for (int i = 0; i + 1 < n; i++) {
      double dt = t[i + 1] - t[i];
      if (dt > 0) {
        rates[m++] = Robust.wrap(a[i + 1] - a[i]) / dt;
      }
    }
    return m == 0 ? Double.NaN : Robust.median(rates, m);
  }

  /** Median distance from (cx, cy). */
  double radius(double cx, double cy) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.hypot(x[i] - cx, y[i] - cy);
    }
    return Robust.median(r);
  }

  /**
   * An orbit fitted to the track: {angle at t = 0, angular speed, radius}. The speed is measured
   * when possible, else the scene's one turn per 4 s in the scene's sense.
   */
  double[] orbit(double cx, double cy, Motion.Orbit motion) {
    double omega = angularSpeed(cx, cy);
    if (Double.isNaN(omega)) {
      double sense = motion.turn() == Motion.Turn.CLOCKWISE ? 1 : -1;
      omega = sense * 2 * Math.PI / Motion.Orbit.SECONDS_PER_TURN;
    }
    double[] a = angles(cx, cy);
    double base = a[0] - omega * t[0];
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = Robust.wrap(a[i] - omega * t[i] - base);
    }
    return new double[] {base + Robust.median(residual), omega, radius(cx, cy)};
  }
}
