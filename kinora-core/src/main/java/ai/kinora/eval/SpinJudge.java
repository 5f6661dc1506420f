package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.eval.Tracker.Observation;
import ai.kinora.world.Motion;
import java.util.Locale;

/**
 * The "spins" verdict: the object turns clockwise at about 90 degrees per second and stays in
 * place.
 *
 * <p>The rotation is read from the phase of the shape's k-fold angular harmonic (k = 3 triangle, 4
 * square, 5 star; see {@link ShapeFeatures}), which turns by k times the rotation. Between two
 * consecutive frames the phase step is wrapped into (-pi, pi], so the rotation can be followed
 * while k * 90 deg / fps stays well below 180 deg: at 8 fps a star's step is 56 deg. Only clean
 * frames (whole, away from the post, not touching another object) with a clear harmonic count, and
 * the median step is taken so a few noisy frames cannot decide. A spinning circle looks still and
 * is not judged.
 */
final class SpinJudge {

  /** The harmonic must stand this far above a disc's pixel noise for its phase to mean anything. */
  static final double MIN_HARMONIC = 0.06;

  /** Objects smaller than this (in working pixels of area) are too coarse to show orientation. */
  static final double MIN_AREA = 20;

  private SpinJudge() {}

  static Verdict judge(
      String subject,
      String expected,
      int index,
      Observation[] track,
      WorldTrack wt,
      SceneGeometry g) {
    double want = Math.toRadians(Motion.Spin.DEGREES_PER_SECOND);
    double rate = rotationRate(index, track, g);
    if (Double.isNaN(rate)) {
      return Verdict.notJudged(subject, "motion", expected, unmeasurable(index, g));
    }
    double[] d = MotionJudge.displacement(wt, g);
    double moved = Math.hypot(d[0], d[1]);
    // A triangle turns about its box centre, not its centroid, so its centroid circles at 0.144
    // of its size: half a turn moves it by 0.29 of its size.
    double size = g.worldExtent(index, 0) / g.minSide();
    boolean inPlace = moved <= MotionJudge.STILL_LIMIT + 0.3 * size;
    boolean pass = rate >= 0.5 * want && rate <= 1.5 * want && inPlace;
    return Verdict.of(
        subject,
        "motion",
        pass,
        expected,
        String.format(
            Locale.ROOT,
            "turns %s %.0f deg/s, moved %.3f frame-lengths",
            rate >= 0 ? "clockwise" : "counterclockwise",
            Math.abs(Math.toDegrees(rate)),
            moved));
  }

  /**
   * The object's rotation in rad/s (positive clockwise), or NaN when it cannot be measured: a
   * circle, too low a frame rate, or fewer than 3 pairs of consecutive clean frames.
   */
  static double rotationRate(int index, Observation[] track, SceneGeometry g) {
    int k = ShapeFeatures.symmetry(g.object(index).shape());
    double fps = g.fps();
    if (k == 0 || k * Math.toRadians(Motion.Spin.DEGREES_PER_SECOND) / fps > 0.6 * Math.PI) {
      return Double.NaN;
    }
    double[] steps = new double[track.length];
    int n = 0;
    for (int f = 0; f + 1 < track.length; f++) {
      Observation a = track[f];
      Observation b = track[f + 1];
      if (usable(a, k) && usable(b, k)) {
        double step = Robust.wrap(b.features().phaseOf(k) - a.features().phaseOf(k)) / k;
        steps[n++] = step * fps;
      }
    }
    return n < 3 ? Double.NaN : Robust.median(steps, n);
  }

  private static String unmeasurable(int index, SceneGeometry g) {
    int k = ShapeFeatures.symmetry(g.object(index).shape());
    if (k == 0) {
      return "a spinning circle looks still";
    }
    if (k * Math.toRadians(Motion.Spin.DEGREES_PER_SECOND) / g.fps() > 0.6 * Math.PI) {
      return "too few frames per second to follow the rotation";
    }
    return "fewer than 3 clean frame pairs to measure rotation";
  }

  private static boolean usable(Observation o, int k) {
    return o != null
        && o.clean()
        && o.features().area() >= MIN_AREA
        && o.features().h(k) >= MIN_HARMONIC;
  }
}
