package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.eval.Tracker.Observation;
import ai.kinora.world.Colour;
import ai.kinora.world.ObjectSize;
import ai.kinora.world.SceneObject;
import ai.kinora.world.Shape;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Verdicts on what objects look like: presence, colour, count per colour, shape and size, plus
 * whether the wooden post is there. Shape and size use only clean sightings (whole, away from the
 * frame edges and the post, not touching another object), where the region is the whole object.
 */
final class AppearanceJudge {

  private static final double[] SIZES = {
    ObjectSize.SMALL.fraction(), ObjectSize.MEDIUM.fraction(), ObjectSize.LARGE.fraction()
  };

  /** Below this apparent side (working pixels) a shape is a few pixels and cannot be told. */
  static final double MIN_SHAPE_EXTENT = 5;

  private AppearanceJudge() {}

  static Verdict presence(
      String subject, SceneObject object, Observation[] track, SceneGeometry g, int index) {
    String expected = object.colour().word() + " region >= 30% of expected area";
    int present = 0;
    double best = 0;
    for (Observation o : track) {
      if (o != null && o.present()) {
        present++;
        best = Math.max(best, o.region().count() / g.expectedArea(index, o.t()));
      }
    }
    String observed =
        present == 0
            ? "no such region in any frame"
            : String.format(
                Locale.ROOT,
                "in %d of %d frames, largest %.0f%% of expected area",
                present,
                track.length,
                100 * best);
    return Verdict.of(subject, "presence", present > 0, expected, observed);
  }

  /** The mean colour of the object's pixels is nearer its palette colour than any other. */
  static Verdict colour(String subject, SceneObject object, Observation[] track) {
    String expected = object.colour().word() + " " + Robust.rgbText(object.colour().rgb());
    long r = 0;
    long gr = 0;
    long b = 0;
    long n = 0;
    for (Observation o : track) {
      if (o != null && o.present()) {
        int c = o.features().meanRgb();
        int k = o.region().count();
        r += (long) ((c >> 16) & 0xFF) * k;
        gr += (long) ((c >> 8) & 0xFF) * k;
        b += (long) (c & 0xFF) * k;
        n += k;
      }
    }
    if (n == 0) {
      return Verdict.notJudged(subject, "colour", expected, "never seen (see presence)");
    }
    int mean = (int) (r / n) << 16 | (int) (gr / n) << 8 | (int) (b / n);
    Colour nearest = Colour.RED;
    for (Colour c : Colour.values()) {
      if (Robust.rgbDistance(mean, c.rgb()) < Robust.rgbDistance(mean, nearest.rgb())) {
        nearest = c;
      }
    }
    return Verdict.of(
        subject,
        "colour",
        nearest == object.colour(),
        expected,
        "mean " + Robust.rgbText(mean) + " = " + nearest.word());
  }

  /**
   * Objects of one colour: the per-frame number of distinct regions big enough to be an object,
   * taken as the most frequent value over the frames that show any (ties go to the larger count).
   * The mode ignores the few frames where an object is cut in two by one in front of it or merged
   * with another of its colour.
   */
  static Verdict count(Colour colour, int[] perFrame, int expected) {
    Map<Integer, Integer> histogram = new java.util.TreeMap<>();
    for (int c : perFrame) {
      if (c > 0) {
        histogram.merge(c, 1, Integer::sum);
      }
    }
    int mode = 0;
    int modeFrames = 0;
    for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
      if (e.getValue() >= modeFrames) {
        mode = e.getKey();
        modeFrames = e.getValue();
      }
    }
    String subject = colour.word() + " objects";
    return Verdict.of(
        subject,
        "count",
        mode == expected,
        String.valueOf(expected),
        mode + (mode == 0 ? " (none in any frame)" : " (in " + modeFrames + " frames)"));
  }

  /** The shape most clean sightings are classified as. */
  static Verdict shape(
      String subject, SceneObject object, Observation[] track, SceneGeometry g, int index) {
    String expected = object.shape().word();
    Map<Shape, Integer> votes = new EnumMap<>(Shape.class);
    ShapeFeatures.Features example = null;
    int clean = 0;
    for (Observation o : track) {
      if (o != null && o.clean() && g.extent(index, o.t()) >= MIN_SHAPE_EXTENT) {
        Shape s = o.features().shape();
        votes.merge(s, 1, Integer::sum);
        clean++;
        if (s == object.shape() || example == null) {
          example = o.features();
        }
      }
    }
    if (clean == 0) {
      return Verdict.notJudged(subject, "shape", expected, whyNoClean(track));
    }
    Shape winner = null;
    for (Map.Entry<Shape, Integer> e : votes.entrySet()) {
      if (winner == null || e.getValue() > votes.get(winner)) {
        winner = e.getKey();
      }
    }
    return Verdict.of(
        subject,
        "shape",
        winner == object.shape(),
        expected,
        winner.word()
            + " in "
            + votes.get(winner)
            + "/"
            + clean
            + " clean frames ("
            + example.describe()
            + ")");
  }

  private static String whyNoClean(Observation[] track) {
    for (Observation o : track) {
      if (o != null && o.present()) {
        return "never whole: always at an edge, the post or another object, or too small";
      }
    }
    return "never seen (see presence)";
  }

  /**
   * Size: the object's linear size measured as sqrt(area / area of its shape in a unit box), as a
   * fraction of the shorter side once zoom and growth are divided out, and the nearest size word.
   */
  static Verdict size(
      String subject, SceneObject object, Observation[] track, SceneGeometry g, int index) {
    ObjectSize want = object.size();
    String expected = want.word() + " (" + want.fraction() + " of min side)";
    double[] ratio = new double[track.length];
    int n = 0;
    for (Observation o : track) {
      if (o != null && o.clean()) {
        ratio[n++] = Math.sqrt(o.features().area() / g.expectedArea(index, o.t()));
      }
    }
    if (n == 0) {
      return Verdict.notJudged(subject, "size", expected, whyNoClean(track));
    }
    double measured = Robust.median(ratio, n) * want.fraction();
    ObjectSize seen = ObjectSize.values()[Robust.nearestOnLogScale(measured, SIZES)];
    // Beyond half a step outside the ladder the object is no Kinora size at all.
    boolean inRange = measured >= 0.6 * SIZES[0] && measured <= 1.5 * SIZES[2];
    return Verdict.of(
        subject,
        "size",
        seen == want && inRange,
        expected,
        String.format(Locale.ROOT, "%.3f of min side (%s)", measured, seen.word()));
  }

  /** The post is seen in some frame exactly when the scene has one. */
  static Verdict occluder(boolean expected, Components.PostSpan[] posts) {
    int seen = 0;
    for (Components.PostSpan p : posts) {
      seen += p != null ? 1 : 0;
    }
    String observed =
        seen == 0 ? "no post in any frame" : "post in " + seen + " of " + posts.length + " frames";
    return Verdict.of(
        "scene", "occluder", expected == seen > 0, expected ? "wooden post" : "no post", observed);
  }
}
