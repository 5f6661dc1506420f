package ai.kinora.world;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Start positions. {@link #allowed} says where an object with a given motion may start so that its
 * motion stays visible; {@link #canonical} places objects whose prompt named no position, the same
 * way every time, so a parsed prompt always becomes one definite scene.
 */
public final class Layout {

  private Layout() {}

  /**
   * Anchors where an object with this motion may start, best first. With the wooden post in the
   * scene, objects that do not move sideways avoid the centre column, where the post hides them.
   */
  public static List<Anchor> allowed(Motion motion, boolean occluder) {
    List<Anchor> order =
        switch (motion) {
          case Motion.Move m ->
              switch (m.direction()) {
                case RIGHT ->
                    List.of(
                        Anchor.LEFT,
                        Anchor.TOP_LEFT,
                        Anchor.BOTTOM_LEFT,
                        Anchor.CENTER,
                        Anchor.TOP,
                        Anchor.BOTTOM);
                case LEFT ->
                    List.of(
                        Anchor.RIGHT,
                        Anchor.TOP_RIGHT,
                        Anchor.BOTTOM_RIGHT,
                        Anchor.CENTER,
                        Anchor.TOP,
                        Anchor.BOTTOM);
                case UP ->
                    List.of(
                        Anchor.BOTTOM,
                        Anchor.BOTTOM_LEFT,
                        Anchor.BOTTOM_RIGHT,
                        Anchor.CENTER,
                        Anchor.LEFT,
                        Anchor.RIGHT);
                case DOWN ->
                    List.of(
                        Anchor.TOP,
                        Anchor.TOP_LEFT,
                        Anchor.TOP_RIGHT,
                        Anchor.CENTER,
                        Anchor.LEFT,
                        Anchor.RIGHT);
              };
          case Motion.FallAndBounce b -> List.of(Anchor.TOP, Anchor.TOP_LEFT, Anchor.TOP_RIGHT);
          case Motion.Orbit o ->
              List.of(
                  Anchor.TOP,
                  Anchor.RIGHT,
                  Anchor.BOTTOM,
                  Anchor.LEFT,
                  Anchor.TOP_RIGHT,
                  Anchor.BOTTOM_RIGHT,
                  Anchor.BOTTOM_LEFT,
                  Anchor.TOP_LEFT);
          default ->
              List.of(
                  Anchor.CENTER,
                  Anchor.LEFT,
                  Anchor.RIGHT,
                  Anchor.TOP_LEFT,
                  Anchor.TOP_RIGHT,
                  Anchor.BOTTOM_LEFT,
                  Anchor.BOTTOM_RIGHT,
                  Anchor.TOP,
                  Anchor.BOTTOM);
        };
    boolean sideways = motion instanceof Motion.Move m && m.direction().horizontal();
    if (!occluder || sideways || motion instanceof Motion.Orbit) {
      return order;
    }
    List<Anchor> clear = new ArrayList<>();
    for (Anchor a : order) {
      if (a.column() != 1) {
        clear.add(a);
      }
    }
    return List.copyOf(clear);
  }

  /**
   * Places objects in order: each takes the first free anchor allowed for its motion; if none is
   * free (three bouncing balls behind a post), it shares its first allowed anchor.
   */
  public static List<Anchor> canonical(List<Motion> motions, boolean occluder) {
    Set<Anchor> taken = EnumSet.noneOf(Anchor.class);
    List<Anchor> out = new ArrayList<>();
    for (Motion motion : motions) {
      List<Anchor> options = allowed(motion, occluder);
      Anchor chosen = options.get(0);
      for (Anchor a : options) {
        if (!taken.contains(a)) {
          chosen = a;
          break;
        }
      }
      taken.add(chosen);
      out.add(chosen);
    }
    return List.copyOf(out);
  }

  /** The objects of a scene moved to their canonical anchors (nothing else changes). */
  public static Scene canonicalize(Scene scene) {
    List<Motion> motions = scene.objects().stream().map(SceneObject::motion).toList();
    List<Anchor> anchors = canonical(motions, scene.occluder());
    List<SceneObject> objects = new ArrayList<>();
    for (int i = 0; i < anchors.size(); i++) {
      SceneObject o = scene.objects().get(i);
      objects.add(new SceneObject(o.colour(), o.shape(), o.size(), o.motion(), anchors.get(i)));
    }
    return scene.withObjects(objects);
  }
}
