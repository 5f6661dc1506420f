package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.eval.Tracker.Observation;
import ai.kinora.world.Motion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Motion verdicts (and the speed verdict of moves) from an object's measured track, in world
 * coordinates so the camera's pan and zoom do not count as object motion. No verdict uses the start
 * position: only displacements, accelerations, angles about the world centre and size trends.
 */
final class MotionJudge {

  /**
   * Largest net displacement, in frame lengths, of an object that stays still (1/3 of "slowly").
   */
  static final double STILL_LIMIT = 0.05;

  private static final double[] SPEEDS = {
    Motion.Speed.SLOWLY.framesPerSecond(),
    Motion.Speed.NORMAL.framesPerSecond(),
    Motion.Speed.QUICKLY.framesPerSecond()
  };

  private MotionJudge() {}

  /** "moves left", "falls and bounces", ... the words of WORLD.md. */
  static String phrase(Motion motion) {
    return switch (motion) {
      case Motion.Still s -> "stays still";
      case Motion.Move m -> "moves " + m.direction().name().toLowerCase(Locale.ROOT);
      case Motion.FallAndBounce b -> "falls and bounces";
      case Motion.Orbit o ->
          "moves in a circle "
              + (o.turn() == Motion.Turn.CLOCKWISE ? "clockwise" : "counterclockwise");
      case Motion.Spin s -> "spins clockwise 90 deg/s";
      case Motion.Grow g -> "grows to 2x";
      case Motion.Shrink s -> "shrinks to 0.5x";
    };
  }

  static List<Verdict> judge(String subject, int index, Observation[] track, SceneGeometry g) {
    Motion motion = g.object(index).motion();
    List<Verdict> out = new ArrayList<>();
    String expected = phrase(motion);
    WorldTrack wt = WorldTrack.of(track, g, true);
    String reason = track.length < 2 ? "a single frame" : null;
    if (reason == null && wt.n < 2) {
      reason = wt.n == 0 ? "never seen (see presence)" : "seen in only one frame";
    }
    if (reason != null) {
      out.add(Verdict.notJudged(subject, "motion", expected, reason));
      if (motion instanceof Motion.Move m) {
        out.add(Verdict.notJudged(subject, "speed", speedText(m.speed()), reason));
      }
      return out;
    }
    switch (motion) {
      case Motion.Still s -> out.add(still(subject, expected, index, track, wt, g));
      case Motion.Move m -> {
        out.add(move(subject, expected, m, wt, g));
        out.add(speed(subject, m, wt, g));
      }
      case Motion.FallAndBounce b -> out.add(fall(subject, expected, wt, g));
      case Motion.Orbit o -> out.add(orbit(subject, expected, o, wt, g));
      case Motion.Spin s -> out.add(SpinJudge.judge(subject, expected, index, track, wt, g));
      case Motion.Grow gr -> out.add(scale(subject, expected, 1.0, wt, g));
      case Motion.Shrink sh -> out.add(scale(subject, expected, -0.5, wt, g));
    }
    return out;
  }

  /** Net world displacement {dx / width, dy / height} of the fitted track over its span. */
  static double[] displacement(WorldTrack wt, SceneGeometry g) {
    double span = wt.span();
    return new double[] {
      wt.lineX().slope() * span / g.width(), wt.lineY().slope() * span / g.height()
    };
  }

  /**
   * Still: the fitted net displacement stays under {@link #STILL_LIMIT}, and where the rotation can
   * be measured (see {@link SpinJudge}) the object turns at less than half the spin rate.
   */
  private static Verdict still(
      String subject,
      String expected,
      int index,
      Observation[] track,
      WorldTrack wt,
      SceneGeometry g) {
    double[] d = displacement(wt, g);
    double moved = Math.hypot(d[0], d[1]);
    double rate = SpinJudge.rotationRate(index, track, g);
    boolean turning =
        !Double.isNaN(rate)
            && Math.abs(rate) > 0.5 * Math.toRadians(Motion.Spin.DEGREES_PER_SECOND);
    String observed =
        String.format(
                Locale.ROOT, "moved %.3f frame-lengths (dx %+.3f, dy %+.3f)", moved, d[0], d[1])
            + (Double.isNaN(rate)
                ? ""
                : String.format(Locale.ROOT, ", turns %.0f deg/s", Math.toDegrees(rate)));
    return Verdict.of(subject, "motion", moved <= STILL_LIMIT && !turning, expected, observed);
  }

  private static Verdict move(
      String subject, String expected, Motion.Move m, WorldTrack wt, SceneGeometry g) {
    double[] d = displacement(wt, g);
    boolean horizontal = m.direction().horizontal();
    double along = horizontal ? d[0] : d[1];
    double across = horizontal ? d[1] : d[0];
    double sign =
        m.direction() == Motion.Direction.LEFT || m.direction() == Motion.Direction.UP ? -1 : 1;
    double length = horizontal ? g.width() : g.height();
    double expectedShift = m.speed().framesPerSecond() * wt.span();
    String observed =
        String.format(
            Locale.ROOT,
            "%s: dx %+.3f, dy %+.3f frame-lengths over %.2f s",
            dominant(d),
            d[0],
            d[1],
            wt.span());
    if (expectedShift * length < 2) {
      return Verdict.notJudged(subject, "motion", expected, "seen too briefly: " + observed);
    }
    // At least 30% of the expected shift (or 1.5 px), so a still object cannot pass on noise.
    double needed = Math.max(0.3 * expectedShift, 1.5 / length);
    boolean pass = along * sign >= needed && Math.abs(along) >= 1.5 * Math.abs(across);
    // Constant velocity: the track neither wobbles about its line nor bends away from it the way
    // a fall from rest does (a parabola strays from its chord by a quarter of its drop).
    double[] axis = horizontal ? wt.x : wt.y;
    double wobble = residual(axis, horizontal ? wt.lineX() : wt.lineY(), wt);
    double[] fit = Robust.parabola(wt.t, axis, 0, wt.n);
    double bend = fit == null ? 0 : Math.abs(fit[2]) * wt.span() * wt.span() / 4;
    // A parabola through a few noisy points bends by a pixel or so on its own.
    double allowed = 0.1 * Math.abs(along) * length;
    boolean straight = wobble <= Math.max(1.0, allowed) && bend <= Math.max(2.0, allowed);
    observed += String.format(Locale.ROOT, ", off line by %.1f px, bends %.1f px", wobble, bend);
    return Verdict.of(subject, "motion", pass && straight, expected, observed);
  }

  /** Median absolute distance of the track from its fitted line, in working pixels. */
  private static double residual(double[] values, Robust.Line line, WorldTrack wt) {
    double[] r = new double[wt.n];
    for (int i = 0; i < wt.n; i++) {
      r[i] = Math.abs(values[i] - line.at(wt.t[i]));
    }
    return Robust.median(r);
  }

  private static String dominant(double[] d) {
    if (Math.hypot(d[0], d[1]) < 0.01) {
      return "stays";
    }
    if (Math.abs(d[0]) >= Math.abs(d[1])) {
      return d[0] > 0 ? "moves right" : "moves left";
    }
    return d[1] > 0 ? "moves down" : "moves up";
  }

  static String speedText(Motion.Speed s) {
    return s.name().toLowerCase(Locale.ROOT) + " (" + s.framesPerSecond() + " frame-lengths/s)";
  }

  /**
   * Speed is judged only on a track of at least 3 unclipped sightings over 0.375 s: a quick object
   * leaves a 64-px frame in a few frames and partly clipped centroids understate its speed.
   */
  private static Verdict speed(String subject, Motion.Move m, WorldTrack wt, SceneGeometry g) {
    String expected = speedText(m.speed());
    if (!wt.unclipped || wt.n < 3 || wt.span() < 0.375) {
      return Verdict.notJudged(
          subject, "speed", expected, "too little unclipped track (" + wt.n + " frames)");
    }
    boolean horizontal = m.direction().horizontal();
    double v =
        Math.abs(horizontal ? wt.lineX().slope() / g.width() : wt.lineY().slope() / g.height());
    Motion.Speed seen = Motion.Speed.values()[Robust.nearestOnLogScale(v, SPEEDS)];
    return Verdict.of(
        subject,
        "speed",
        seen == m.speed(),
        expected,
        String.format(
            Locale.ROOT, "%.3f frame-lengths/s (%s)", v, seen.name().toLowerCase(Locale.ROOT)));
  }

  /** Orbits: angular progress about the world centre, its sense, and a real radius. */
  private static Verdict orbit(
      String subject, String expected, Motion.Orbit o, WorldTrack wt, SceneGeometry g) {
    if (wt.n < 3 || wt.span() < 0.5) {
      return Verdict.notJudged(subject, "motion", expected, "seen too briefly for an orbit");
    }
    double cx = g.width() / 2;
    double cy = g.height() / 2;
    double omega = wt.angularSpeed(cx, cy);
    double radius = wt.radius(cx, cy) / g.minSide();
    double want =
        (o.turn() == Motion.Turn.CLOCKWISE ? 1 : -1) * 2 * Math.PI / Motion.Orbit.SECONDS_PER_TURN;
    double ratio = omega / want;
    boolean pass = ratio >= 0.5 && ratio <= 2 && radius >= 0.1;
    String sense = omega >= 0 ? "clockwise" : "counterclockwise";
    return Verdict.of(
        subject,
        "motion",
        pass,
        expected,
        String.format(
            Locale.ROOT,
            "turns %s %.0f deg/s at radius %.2f (want 90 deg/s, 0.25)",
            sense,
            Math.abs(Math.toDegrees(omega)),
            radius));
  }

  /**
   * Growth and shrinking: the trend of the object's linear size (square root of its area, zoom
   * undone), relative to its size at the start, over the whole clip: +1 to double, -0.5 to halve.
   */
  private static Verdict scale(
      String subject, String expected, double want, WorldTrack wt, SceneGeometry g) {
    double clip = g.clipSeconds();
    // A clipped object's visible area says nothing about its size, so only whole sightings count.
    if (!wt.unclipped || wt.n < 3 || wt.span() < 0.25 * clip) {
      return Verdict.notJudged(
          subject, "motion", expected, "seen whole over too little of the clip");
    }
    double[] size = new double[wt.n];
    for (int i = 0; i < wt.n; i++) {
      size[i] = Math.sqrt(wt.screenArea[i]) / g.zoom(wt.t[i]);
    }
    Robust.Line line = Robust.theilSen(wt.t, size, wt.n);
    double change = line.slope() * clip / line.intercept();
    boolean pass = want > 0 ? change >= 0.4 * want : change <= 0.4 * want;
    return Verdict.of(
        subject,
        "motion",
        pass,
        expected,
        String.format(Locale.ROOT, "size x%.2f over the clip (from the area trend)", 1 + change));
  }

  /** Falls: the least downward acceleration, descent and rebound (see {@link #fall}). */
  static final double MIN_ACCELERATION = 0.3 * Motion.FallAndBounce.GRAVITY;

  static final double MIN_DESCENT = 0.05;
  static final double MIN_REBOUND = 0.03;

  /** A rebound is looked for only if the track goes on this long after the lowest point. */
  static final double REBOUND_WINDOW = 0.2;

  /**
   * The "falls and bounces" verdict: the object first descends with downward acceleration, and if
   * it is still seen some time after its lowest point, it rises again.
   *
   * <p>Only vertical world motion is used, from the first sighting, so neither the start height nor
   * the camera matters. The first descent ends at the first sighting after which the object goes
   * up; a parabola through that descent (without its last point, which may already be past the
   * impact) gives the acceleration. WORLD.md's gravity is 1.5 frame-heights/s^2; a fall must show
   * at least 0.45 (30%), which a constant-speed "moves down" (0) cannot. A bounce must lift the
   * object by 3% of the frame height within the rest of the track: the first rebound of the world's
   * ball rises by about 64% of its drop, while an object that lands and stays rises by nothing.
   */
  private static Verdict fall(String subject, String expected, WorldTrack wt, SceneGeometry g) {
    if (wt.n < 3) {
      return Verdict.notJudged(subject, "motion", expected, "seen in fewer than 3 frames");
    }
    double h = g.height();
    double noise = 0.5; // pixels: a centroid jitters by less than this between frames
    int m = wt.n - 1;
    for (int i = 0; i + 1 < wt.n; i++) {
      if (wt.y[i + 1] < wt.y[i] - noise) {
        m = i;
        break;
      }
    }
    double descent = (wt.y[m] - wt.y[0]) / h;
    double[] fit = null;
    if (m >= 3) {
      fit = Robust.parabola(wt.t, wt.y, 0, m);
    } else if (m >= 2) {
      fit = Robust.parabola(wt.t, wt.y, 0, m + 1);
    }
    double acceleration = fit == null ? Double.NaN : 2 * fit[2] / h;
    double rebound = Double.NaN;
    if (wt.t[wt.n - 1] - wt.t[m] >= REBOUND_WINDOW) {
      double highest = wt.y[m];
      for (int j = m + 1; j < wt.n; j++) {
        highest = Math.min(highest, wt.y[j]);
      }
      rebound = (wt.y[m] - highest) / h;
    }
    boolean falls =
        descent >= MIN_DESCENT && (Double.isNaN(acceleration) || acceleration >= MIN_ACCELERATION);
    boolean bounces = Double.isNaN(rebound) || rebound >= MIN_REBOUND;
    StringBuilder observed = new StringBuilder();
    observed.append(String.format(Locale.ROOT, "falls %.2f frame-heights", descent));
    if (!Double.isNaN(acceleration)) {
      observed.append(
          String.format(Locale.ROOT, ", accelerating %.2f frame-heights/s^2", acceleration));
    }
    if (Double.isNaN(rebound)) {
      observed.append(", no rebound in view before the track ends");
    } else {
      observed.append(String.format(Locale.ROOT, ", rebounds %.2f frame-heights", rebound));
    }
    return Verdict.of(subject, "motion", falls && bounces, expected, observed.toString());
  }
}
