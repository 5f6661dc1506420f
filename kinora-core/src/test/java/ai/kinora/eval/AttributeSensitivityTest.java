package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.world.Background;
import ai.kinora.world.Canvas;
import ai.kinora.world.Colour;
import ai.kinora.world.Motion;
import ai.kinora.world.ObjectSize;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Shape;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One attribute at a time: a ground-truth video scored against its scene with exactly one thing
 * changed (shape, size, colour, direction, speed, turn, growth, background, post, count) must fail
 * the verdict for that thing, wherever that verdict is judged. This is the mismatch test made
 * sharp: it shows each verdict discriminates, not only that some verdict fails.
 */
class AttributeSensitivityTest {

  private static final int SCENES = Integer.getInteger("kinora.eval.sensitivityScenes", 120);

  @Test
  void everySingleChangeFailsItsOwnVerdict() {
    SceneSampler sampler =
        new SceneSampler(
            SceneSampler.Settings.defaults()
                .withDurations(Weighted.uniform(2.0, 4.0))
                .withExtras(0.3, 0.25),
            777L);
    Scorer scorer = new Scorer();
    Map<String, int[]> rates = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (Canvas canvas : new Canvas[] {new Canvas(64, 64), new Canvas(128, 128)}) {
      for (int i = 0; i < SCENES; i++) {
        Scene scene = sampler.nextScene();
        WorkingVideo video = scorer.prepare(SceneRenderer.renderClip(scene, canvas, 8, i));
        for (Change change : changes(scene)) {
          Verdict v =
              scorer.score(video, change.scene()).find(change.subject(), change.attribute());
          if (v == null || !v.judged()) {
            continue;
          }
          int[] r = rates.computeIfAbsent(change.kind(), k -> new int[2]);
          r[0] += v.passed() ? 0 : 1;
          r[1]++;
          if (v.passed()) {
            misses.add(canvas + " " + change.kind() + ": " + v.expected() + " / " + v.observed());
          }
        }
      }
    }
    rates.forEach(
        (k, r) ->
            System.out.printf(
                Locale.ROOT, "change %-10s caught %s%n", k, TextTable.ratio(r[0], r[1])));
    misses.forEach(m -> System.out.println("  missed " + m));
    for (Map.Entry<String, int[]> e : rates.entrySet()) {
      int[] r = e.getValue();
      assertTrue(r[1] >= 10, e.getKey() + " judged too rarely: " + r[1]);
      assertTrue(r[0] >= 0.9 * r[1], e.getKey() + " caught only " + TextTable.ratio(r[0], r[1]));
    }
  }

  private record Change(String kind, Scene scene, String subject, String attribute) {}

  /** The changes that keep the scene valid, each naming the verdict that must fail. */
  private static List<Change> changes(Scene scene) {
    List<Change> out = new ArrayList<>();
    SceneObject o = scene.objects().get(0);
    Shape shape = Shape.values()[(o.shape().ordinal() + 1) % Shape.values().length];
    if (!(o.motion() instanceof Motion.Spin && shape == Shape.CIRCLE)) {
      SceneObject changed = new SceneObject(o.colour(), shape, o.size(), o.motion(), o.start());
      tryAdd(out, "shape", scene, changed, changed.name(), "shape");
    }
    ObjectSize size = ObjectSize.values()[(o.size().ordinal() + 1) % ObjectSize.values().length];
    SceneObject resized = new SceneObject(o.colour(), o.shape(), size, o.motion(), o.start());
    tryAdd(out, "size", scene, resized, o.name(), "size");
    for (Colour c : Colour.values()) {
      boolean used = scene.objects().stream().anyMatch(x -> x.colour() == c);
      if (!used && !(c == Colour.WHITE && scene.background() == Background.WHITE)) {
        SceneObject recoloured = new SceneObject(c, o.shape(), o.size(), o.motion(), o.start());
        tryAdd(out, "colour", scene, recoloured, recoloured.name(), "presence");
        break;
      }
    }
    Motion other = otherMotion(o.motion());
    SceneObject moved = new SceneObject(o.colour(), o.shape(), o.size(), other, o.start());
    tryAdd(out, "motion " + o.motion().kind(), scene, moved, o.name(), "motion");
    if (o.motion() instanceof Motion.Move m) {
      Motion.Speed s =
          m.speed() == Motion.Speed.NORMAL ? Motion.Speed.QUICKLY : Motion.Speed.NORMAL;
      SceneObject faster =
          new SceneObject(
              o.colour(), o.shape(), o.size(), Motion.move(m.direction(), s), o.start());
      tryAdd(out, "speed", scene, faster, o.name(), "speed");
    }
    Background bg =
        Background.values()[(scene.background().ordinal() + 3) % Background.values().length];
    try {
      out.add(
          new Change(
              "background",
              new Scene(scene.objects(), bg, scene.camera(), scene.occluder(), scene.snow(), 4),
              "scene",
              "background"));
    } catch (IllegalArgumentException e) {
      // a white object on the white background: not a valid scene
    }
    out.add(
        new Change(
            "occluder",
            new Scene(
                scene.objects(),
                scene.background(),
                scene.camera(),
                !scene.occluder(),
                scene.snow(),
                4),
            "scene",
            "occluder"));
    if (scene.objects().size() > 1) {
      SceneObject p = scene.objects().get(1);
      SceneObject twin = new SceneObject(o.colour(), p.shape(), p.size(), p.motion(), p.start());
      List<SceneObject> objects = new ArrayList<>(scene.objects());
      objects.set(1, twin);
      try {
        out.add(
            new Change(
                "count", scene.withObjects(objects), o.colour().word() + " objects", "count"));
      } catch (IllegalArgumentException e) {
        // the twin would share both colour and shape with the first object
      }
    }
    return out;
  }

  private static void tryAdd(
      List<Change> out, String kind, Scene scene, SceneObject first, String subject, String attr) {
    List<SceneObject> objects = new ArrayList<>(scene.objects());
    objects.set(0, first);
    try {
      out.add(new Change(kind, scene.withObjects(objects), subject, attr));
    } catch (IllegalArgumentException e) {
      // the change would make two objects alike: skip it
    }
  }

  /** A clearly different motion of a related kind. */
  private static Motion otherMotion(Motion m) {
    return switch (m) {
      case Motion.Still s -> Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL);
      case Motion.Move mv ->
          Motion.move(
              switch (mv.direction()) {
                case LEFT -> Motion.Direction.RIGHT;
                case RIGHT -> Motion.Direction.LEFT;
                case UP -> Motion.Direction.DOWN;
                case DOWN -> Motion.Direction.UP;
              },
              mv.speed());
      case Motion.FallAndBounce b -> Motion.move(Motion.Direction.DOWN, Motion.Speed.NORMAL);
      case Motion.Orbit o ->
          Motion.orbit(
              o.turn() == Motion.Turn.CLOCKWISE
                  ? Motion.Turn.COUNTERCLOCKWISE
                  : Motion.Turn.CLOCKWISE);
      case Motion.Spin s -> Motion.STILL;
      case Motion.Grow g -> Motion.SHRINK;
      case Motion.Shrink s -> Motion.GROW;
    };
  }
}
