package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.eval.Tracker.Observation;
import ai.kinora.world.Motion;
import ai.kinora.world.SceneObject;

/**
 * Where each object should be visible, and the persistence verdict built on it.
 *
 * <p>The scene cannot say where an object is: a prompt from a normal caption names no position, so
 * the scene's start anchors are guesses. Visibility is therefore predicted from the object's own
 * measured track, extended over the frames where it was not seen by the motion the scene names (a
 * straight line for moves and stills, a circle about the world centre for orbits, a fall with
 * bounces for bounces), fitted in world coordinates so pans and zooms are undone, and mapped back
 * to the screen. An object is expected visible in a frame when at least 3/4 of its predicted box
 * (apparent size from the scene: size, growth and zoom, which do not depend on the start) is inside
 * the frame and not behind the post or an object drawn in front of it. Thus an object that left the
 * frame is not missed afterwards, one that disappears mid-frame or never comes out from behind the
 * post is.
 */
final class Visibility {

  /** Share of the predicted box that must be in view for the object to be expected visible. */
  static final double VISIBLE_SHARE = 0.75;

  /**
   * Objects expected smaller than this many working pixels are not expected to be seen: a region
   * needs {@link Tracker#MIN_REGION} pixels of nearly pure colour, and an object this small has
   * fewer once its anti-aliased rim is taken away (a small star shrinking in a 64x64 clip).
   */
  static final double MIN_AREA = 2.0 * Tracker.MIN_REGION;

  /** Share of the expected-visible frames in which the object must be present (WORLD.md). */
  static final double PERSISTENCE = 0.9;

  private Visibility() {}

  /** Predicted screen centre {x, y} of every object in every frame; null for never-seen ones. */
  static double[][][] predict(Tracker.Tracks tracks, SceneGeometry g, int frames, double fps) {
    double[][][] out = new double[tracks.byObject().length][][];
    for (int i = 0; i < out.length; i++) {
      out[i] = predictObject(tracks.byObject()[i], g, i, frames, fps);
    }
    return out;
  }

  private static double[][] predictObject(
      Observation[] track, SceneGeometry g, int index, int frames, double fps) {
    WorldTrack wt = WorldTrack.of(track, g, true);
    if (wt.n == 0) {
      return null;
    }
    SceneObject object = g.object(index);
    double[][] out = new double[frames][];
    double cxWorld = g.width() / 2;
    double cyWorld = g.height() / 2;
    Robust.Line lx = wt.lineX();
    Robust.Line ly = wt.lineY();
    if (wt.n == 1 && object.motion() instanceof Motion.Move m) {
      // One sighting says where, not how fast: take the speed the scene names.
      double v =
          m.speed().framesPerSecond() * (m.direction().horizontal() ? g.width() : g.height());
      double vx =
          m.direction() == Motion.Direction.LEFT
              ? -v
              : m.direction() == Motion.Direction.RIGHT ? v : 0;
      double vy =
          m.direction() == Motion.Direction.UP
              ? -v
              : m.direction() == Motion.Direction.DOWN ? v : 0;
      lx = new Robust.Line(wt.x[0] - vx * wt.t[0], vx);
      ly = new Robust.Line(wt.y[0] - vy * wt.t[0], vy);
    }
    double[] orbit =
        object.motion() instanceof Motion.Orbit o ? wt.orbit(cxWorld, cyWorld, o) : null;
    double bounceStart =
        object.motion() instanceof Motion.FallAndBounce ? fitBounce(wt, g, index) : Double.NaN;
    for (int f = 0; f < frames; f++) {
      double t = f / fps;
      double wx = lx.at(t);
      double wy = ly.at(t);
      if (orbit != null) {
        double theta = orbit[0] + orbit[1] * t;
        wx = cxWorld + orbit[2] * Math.cos(theta);
        wy = cyWorld + orbit[2] * Math.sin(theta);
      } else if (!Double.isNaN(bounceStart)) {
        wy = bounceY(bounceStart, floor(g, index), g.height(), t);
      }
      out[f] = new double[] {g.screenX(wx, t), g.screenY(wy, t)};
    }
    return out;
  }

  /** The world row of the bounce floor for the object's centre: the bottom edge minus half size. */
  static double floor(SceneGeometry g, int index) {
    return g.height() - g.worldExtent(index, 0) / 2;
  }

  /** The start height (at rest at t = 0) whose fall best fits the measured world track. */
  private static double fitBounce(WorldTrack wt, SceneGeometry g, int index) {
    double floor = floor(g, index);
    double best = wt.y[0];
    double bestError = Double.POSITIVE_INFINITY;
    double[] err = new double[wt.n];
    for (int k = 0; k <= 200; k++) {
      double y0 = floor * k / 200.0;
      for (int i = 0; i < wt.n; i++) {
        err[i] = Math.abs(bounceY(y0, floor, g.height(), wt.t[i]) - wt.y[i]);
      }
      double e = Robust.median(err);
      if (e < bestError) {
        bestError = e;
        best = y0;
      }
    }
    return best;
  }

  /**
   * World y of a ball dropped from rest at y0 onto {@code floor}, gravity and restitution per
   * WORLD.md.
   */
  static double bounceY(double y0, double floor, double frameHeight, double t) {
    double g = Motion.FallAndBounce.GRAVITY * frameHeight;
    double y = y0;
    double v = 0;
    double elapsed = 0;
    for (int bounce = 0; bounce < 100 && y < floor; bounce++) {
      double tau = (-v + Math.sqrt(v * v + 2 * g * (floor - y))) / g;
      if (t <= elapsed + tau) {
        double dt = t - elapsed;
        return y + v * dt + g * dt * dt / 2;
      }
      elapsed += tau;
      v = -Motion.FallAndBounce.RESTITUTION * (v + g * tau);
      y = floor - 1e-9;
      if (-v < 1e-3 * frameHeight) {
        break;
      }
    }
    return floor;
  }

  /**
   * Whether each object is expected visible in each frame, from the predicted centres, the apparent
   * size, the frame edges, the post seen in that frame, and the objects drawn in front of it.
   */
  static boolean[][] expectedVisible(
      Tracker.Tracks tracks, SceneGeometry g, double[][][] centres, int frames, double fps) {
    int objects = centres.length;
    boolean[][] out = new boolean[objects][frames];
    for (int i = 0; i < objects; i++) {
      if (centres[i] == null) {
        continue;
      }
      for (int f = 0; f < frames; f++) {
        double t = f / fps;
        double e = g.extent(i, t);
        double[] box = box(centres[i][f], e);
        double x0 = Math.max(0, box[0]);
        double x1 = Math.min(g.width(), box[2]);
        double y0 = Math.max(0, box[1]);
        double y1 = Math.min(g.height(), box[3]);
        if (x1 <= x0 || y1 <= y0) {
          continue;
        }
        double visible = (x1 - x0) * (y1 - y0);
        Components.PostSpan post = tracks.posts()[f];
        if (post != null) {
          visible -=
              Math.max(0, Math.min(x1, post.right()) - Math.max(x0, post.left())) * (y1 - y0);
        }
        // Objects later in the scene are drawn in front and may hide this one.
        for (int j = i + 1; j < objects; j++) {
          double[] front = frontBox(tracks, g, centres, j, f, t);
          if (front != null) {
            visible -=
                Math.max(0, Math.min(x1, front[2]) - Math.max(x0, front[0]))
                    * Math.max(0, Math.min(y1, front[3]) - Math.max(y0, front[1]));
          }
        }
        out[i][f] = visible >= VISIBLE_SHARE * e * e && g.expectedArea(i, t) >= MIN_AREA;
      }
    }
    return out;
  }

  private static double[] frontBox(
      Tracker.Tracks tracks, SceneGeometry g, double[][][] centres, int j, int f, double t) {
    Observation o = tracks.byObject()[j][f];
    if (o != null && o.present()) {
      Components.Region r = o.region();
      return new double[] {r.minX(), r.minY(), r.maxX() + 1, r.maxY() + 1};
    }
    return centres[j] == null ? null : box(centres[j][f], g.extent(j, t));
  }

  private static double[] box(double[] centre, double e) {
    return new double[] {
      centre[0] - e / 2, centre[1] - e / 2, centre[0] + e / 2, centre[1] + e / 2
    };
  }

  /** Persistence: present in at least 90% of the frames where the object is expected visible. */
  static Verdict persistence(String subject, Observation[] track, boolean[] visible) {
    String expected = "present in >= 90% of frames where visible";
    if (track.length < 2) {
      return Verdict.notJudged(subject, "persistence", expected, "a single frame");
    }
    int due = 0;
    int present = 0;
    int seen = 0;
    int firstMiss = -1;
    for (int f = 0; f < track.length; f++) {
      boolean here = track[f] != null && track[f].present();
      seen += here ? 1 : 0;
      if (visible[f]) {
        due++;
        present += here ? 1 : 0;
        if (!here && firstMiss < 0) {
          firstMiss = f;
        }
      }
    }
    if (seen == 0) {
      return Verdict.notJudged(subject, "persistence", expected, "never seen (see presence)");
    }
    if (due == 0) {
      return Verdict.notJudged(subject, "persistence", expected, "never expected fully in view");
    }
    boolean pass = present >= PERSISTENCE * due;
    String observed =
        "present in "
            + TextTable.ratio(present, due)
            + " of frames where visible"
            + (firstMiss >= 0 ? ", first missing at frame " + firstMiss : "");
    return Verdict.of(subject, "persistence", pass, expected, observed);
  }
}
