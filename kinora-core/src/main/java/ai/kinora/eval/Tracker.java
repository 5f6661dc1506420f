package ai.kinora.eval;

import ai.kinora.world.Colour;
import ai.kinora.world.ObjectSize;
import ai.kinora.world.SceneObject;
import ai.kinora.world.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, frame by frame, the regions of each colour the scene names and assigns them to the scene's
 * objects, producing one track (an observation or nothing per frame) per object.
 *
 * <p>With one object of a colour, the largest region of that colour is the object. Objects that
 * share a colour are separated by connected components and matched to the scene's objects by the
 * cheapest assignment of shape, size and continuity with the previous frame; overlapping objects of
 * one colour merge into one region, which then goes to one of them (robust, not perfect).
 */
final class Tracker {

  /** What was seen of one object in one frame. */
  record Observation(
      int frame,
      double t,
      Components.Region region,
      ShapeFeatures.Features features,
      boolean present,
      boolean clipped,
      boolean contact) {

    double cx() {
      return features.cx();
    }

    double cy() {
      return features.cy();
    }

    /** Whole, unobstructed and away from edges: fit for shape, size and rotation. */
    boolean clean() {
      return present && !clipped && !contact;
    }
  }

  /** All tracks of one video against one scene. */
  record Tracks(
      Observation[][] byObject,
      List<Colour> colours,
      int[][] regionCounts,
      Components.PostSpan[] posts,
      BackgroundModel background) {}

  /** Regions smaller than this are noise (snow, stars, blended seams), whatever the scene says. */
  static final int MIN_REGION = 6;

  /** Share of the expected area a region needs to count as the object (WORLD.md, presence). */
  static final double PRESENCE_SHARE = 0.3;

  private Tracker() {}

  static Tracks track(WorkingVideo video, SceneGeometry geometry) {
    List<SceneObject> objects = geometry.scene().objects();
    List<Colour> colours = new ArrayList<>();
    for (SceneObject o : objects) {
      if (!colours.contains(o.colour())) {
        colours.add(o.colour());
      }
    }
    int[] excluded = colours.stream().mapToInt(Colour::rgb).toArray();
    BackgroundModel background = BackgroundModel.estimate(video, excluded);
    int w = video.width();
    int h = video.height();
    int frames = video.frameCount();
    Observation[][] byObject = new Observation[objects.size()][frames];
    int[][] counts = new int[colours.size()][frames];
    Components.PostSpan[] posts = new Components.PostSpan[frames];
    int[] owner = new int[w * h];
    for (int f = 0; f < frames; f++) {
      int[] px = video.pixels(f);
      double t = video.time(f);
      posts[f] = Components.detectPost(px, w, h);
      java.util.Arrays.fill(owner, 0);
      List<List<Components.Region>> perColour = new ArrayList<>();
      for (int c = 0; c < colours.size(); c++) {
        boolean[] mask = Components.mask(px, colours.get(c).rgb(), Components.OBJECT_DISTANCE);
        List<Components.Region> regions =
            Components.joinAcrossPost(Components.label(mask, w, h, MIN_REGION), posts[f]);
        for (Components.Region r : regions) {
          for (int p : r.pixels()) {
            owner[p] = c + 1;
          }
        }
        // Any region that could be a Kinora object counts, down to a small star at this zoom, so
        // an extra object smaller than the scene's ones is still counted.
        double least = ObjectSize.SMALL.fraction() * geometry.minSide() * geometry.zoom(t);
        double smallest = ShapeFeatures.areaFactor(Shape.STAR) * least * least;
        for (int i = 0; i < objects.size(); i++) {
          if (objects.get(i).colour() == colours.get(c)) {
            smallest = Math.min(smallest, geometry.expectedArea(i, t));
          }
        }
        List<Components.Region> significant = new ArrayList<>();
        for (Components.Region r : regions) {
          if (r.count() >= Math.max(MIN_REGION, PRESENCE_SHARE * smallest)) {
            significant.add(Components.fillHoles(r, w));
          }
        }
        counts[c][f] = significant.size();
        perColour.add(significant);
      }
      for (int c = 0; c < colours.size(); c++) {
        assign(
            video,
            geometry,
            f,
            c,
            colours,
            perColour.get(c),
            owner,
            posts[f],
            byObject,
            background);
      }
    }
    return new Tracks(byObject, colours, counts, posts, background);
  }

  private static void assign(
      WorkingVideo video,
      SceneGeometry geometry,
      int f,
      int c,
      List<Colour> colours,
      List<Components.Region> regions,
      int[] owner,
      Components.PostSpan post,
      Observation[][] byObject,
      BackgroundModel background) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < geometry.scene().objects().size(); i++) {
      if (geometry.object(i).colour() == colours.get(c)) {
        members.add(i);
      }
    }
    int candidates = Math.min(regions.size(), 6);
    Observation[] seen = new Observation[candidates];
    int[] touched = new int[candidates];
    for (int r = 0; r < candidates && (members.size() > 1 || r == 0); r++) {
      seen[r] = observe(video, f, colours.get(c), regions.get(r), post, background);
      touched[r] = touchedColours(regions.get(r), owner, c + 1, video.width(), video.height());
    }
    if (members.size() == 1) {
      if (candidates > 0) {
        byObject[members.get(0)][f] =
            withPresence(seen[0], geometry, members.get(0), touched[0], colours);
      }
      return;
    }
    int[] best = new int[members.size()];
    java.util.Arrays.fill(best, -1);
    search(
        geometry,
        f,
        members,
        seen,
        byObject,
        0,
        new int[members.size()],
        0,
        best,
        new double[] {Double.POSITIVE_INFINITY});
    for (int k = 0; k < members.size(); k++) {
      if (best[k] >= 0) {
        byObject[members.get(k)][f] =
            withPresence(seen[best[k]], geometry, members.get(k), touched[best[k]], colours);
      }
    }
  }

  /** Exhaustive search over assignments (at most 3 objects and 6 regions: a few hundred). */
  private static void search(
      SceneGeometry geometry,
      int f,
      List<Integer> members,
      Observation[] seen,
      Observation[][] byObject,
      int k,
      int[] choice,
      double cost,
      int[] best,
      double[] bestCost) {
    if (cost >= bestCost[0]) {
      return;
    }
    if (k == members.size()) {
      bestCost[0] = cost;
      System.arraycopy(choice, 0, best, 0, choice.length);
      return;
    }
    // Leaving an object unmatched costs more than any plausible match.
    choice[k] = -1;
    search(geometry, f, members, seen, byObject, k + 1, choice, cost + 3, best, bestCost);
    for (int r = 0; r < seen.length; r++) {
      boolean used = false;
      for (int j = 0; j < k; j++) {
        used |= choice[j] == r;
      }
      if (!used) {
        choice[k] = r;
        double c = matchCost(geometry, f, members.get(k), seen[r], byObject);
        search(geometry, f, members, seen, byObject, k + 1, choice, cost + c, best, bestCost);
      }
    }
  }

  private static double matchCost(
      SceneGeometry geometry, int f, int object, Observation o, Observation[][] byObject) {
    double t = o.t();
    double shape = o.clipped() || o.contact() ? 0.5 : 0;
    if (!o.clipped() && !o.contact()) {
      shape = o.features().shape() == geometry.object(object).shape() ? 0 : 1;
    }
    double size =
        Math.min(2, Math.abs(Math.log(o.features().area() / geometry.expectedArea(object, t))));
    double continuity = 0;
    Observation previous = f > 0 ? byObject[object][f - 1] : null;
    if (previous != null) {
      double d = Math.hypot(o.cx() - previous.cx(), o.cy() - previous.cy());
      continuity = 4 * d / geometry.minSide();
    }
    return shape + size + continuity;
  }

  /**
   * The observation as seen for one object: present if big enough, and in contact if it touches a
   * colour of an object drawn in front of it. Touching one drawn behind it costs it nothing: it is
   * whole, the other one is cut.
   */
  private static Observation withPresence(
      Observation o, SceneGeometry geometry, int object, int touched, List<Colour> colours) {
    boolean present = o.region().count() >= PRESENCE_SHARE * geometry.expectedArea(object, o.t());
    boolean hidden = false;
    List<SceneObject> objects = geometry.scene().objects();
    for (int j = object + 1; j < objects.size(); j++) {
      hidden |= (touched & (1 << colours.indexOf(objects.get(j).colour()))) != 0;
    }
    return new Observation(
        o.frame(), o.t(), o.region(), o.features(), present, o.clipped(), hidden);
  }

  private static Observation observe(
      WorkingVideo video,
      int f,
      Colour colour,
      Components.Region r,
      Components.PostSpan post,
      BackgroundModel background) {
    int w = video.width();
    int h = video.height();
    ShapeFeatures.Features features =
        ShapeFeatures.measure(video.pixels(f), w, h, r, background.rows(), colour.rgb());
    boolean edge = r.minX() <= 1 || r.minY() <= 1 || r.maxX() >= w - 2 || r.maxY() >= h - 2;
    boolean behindPost =
        r.acrossPost()
            || post != null && r.maxX() >= post.left() - 2 && r.minX() <= post.right() + 1;
    return new Observation(f, video.time(f), r, features, true, edge || behindPost, false);
  }

  /**
   * Bit set of the other colours (bit = colour index) whose regions lie within 2 px of the region:
   * an overlap, where the object drawn behind loses part of itself.
   */
  private static int touchedColours(Components.Region r, int[] owner, int self, int w, int h) {
    int touched = 0;
    for (int p : r.pixels()) {
      int x = p % w;
      int y = p / w;
      for (int dy = -2; dy <= 2; dy++) {
        int ny = y + dy;
        if (ny < 0 || ny >= h) {
          continue;
        }
        for (int dx = -2; dx <= 2; dx++) {
          int nx = x + dx;
          if (nx >= 0 && nx < w) {
            int o = owner[ny * w + nx];
            if (o != 0 && o != self) {
              touched |= 1 << (o - 1);
            }
          }
        }
      }
    }
    return touched;
  }
}
