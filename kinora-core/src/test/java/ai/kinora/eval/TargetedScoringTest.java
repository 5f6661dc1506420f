package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.world.Anchor;
import ai.kinora.world.Background;
import ai.kinora.world.Camera;
import ai.kinora.world.Canvas;
import ai.kinora.world.Colour;
import ai.kinora.world.Motion;
import ai.kinora.world.ObjectSize;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-picked cases: each changes one thing about a scene and checks the one verdict it must. */
class TargetedScoringTest {

  private static final Canvas CANVAS = new Canvas(128, 128);
  private final Scorer scorer = new Scorer();

  private static SceneObject object(
      Colour c, Shape s, ObjectSize size, Motion motion, Anchor start) {
    return new SceneObject(c, s, size, motion, start);
  }

  private static Scene scene(Background bg, SceneObject... objects) {
    return new Scene(List.of(objects), bg, Camera.STATIC, false, false, 4.0);
  }

  private static Video render(Scene scene) {
    return SceneRenderer.renderClip(scene, CANVAS, 8, 1);
  }

  private static Verdict verdict(ScoreReport report, String subject, String attribute) {
    Verdict v = report.find(subject, attribute);
    assertNotNull(v, "no " + attribute + " verdict for " + subject + ":\n" + report.toTable());
    return v;
  }

  private static void assertFails(ScoreReport report, String subject, String attribute) {
    Verdict v = verdict(report, subject, attribute);
    assertTrue(v.judged() && !v.passed(), "expected a failed verdict:\n" + report.toTable());
    assertFalse(report.allPassed());
  }

  @Test
  void rightMovingObjectScoredAsMovingLeftFailsMotion() {
    SceneObject right =
        object(
            Colour.RED,
            Shape.CIRCLE,
            ObjectSize.MEDIUM,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL),
            Anchor.LEFT);
    Scene truth = scene(Background.GRAY, right);
    Video video = render(truth);
    assertTrue(scorer.score(video, truth).allPassed(), scorer.score(video, truth).toTable());
    SceneObject left =
        object(
            Colour.RED,
            Shape.CIRCLE,
            ObjectSize.MEDIUM,
            Motion.move(Motion.Direction.LEFT, Motion.Speed.NORMAL),
            Anchor.RIGHT);
    assertFails(scorer.score(video, scene(Background.GRAY, left)), "red circle", "motion");
  }

  @Test
  void redCircleScoredAsRedSquareFailsShape() {
    Video video =
        render(
            scene(
                Background.NAVY,
                object(Colour.RED, Shape.CIRCLE, ObjectSize.LARGE, Motion.STILL, Anchor.CENTER)));
    Scene asSquare =
        scene(
            Background.NAVY,
            object(Colour.RED, Shape.SQUARE, ObjectSize.LARGE, Motion.STILL, Anchor.CENTER));
    assertFails(scorer.score(video, asSquare), "red square", "shape");
  }

  @Test
  void wrongBackgroundFailsBackground() {
    SceneObject o = object(Colour.YELLOW, Shape.STAR, ObjectSize.MEDIUM, Motion.STILL, Anchor.LEFT);
    Video video = render(scene(Background.DUSK, o));
    assertTrue(
        verdict(scorer.score(video, scene(Background.DUSK, o)), "scene", "background").passed());
    // Dusk's top is close to navy; the bottom band tells them apart.
    assertFails(scorer.score(video, scene(Background.NAVY, o)), "scene", "background");
    assertFails(scorer.score(video, scene(Background.NIGHT, o)), "scene", "background");
  }

  @Test
  void largeObjectScoredAsSmallFailsSize() {
    Video video =
        render(
            scene(
                Background.BLACK,
                object(Colour.GREEN, Shape.SQUARE, ObjectSize.LARGE, Motion.SPIN, Anchor.RIGHT)));
    Scene small =
        scene(
            Background.BLACK,
            object(Colour.GREEN, Shape.SQUARE, ObjectSize.SMALL, Motion.SPIN, Anchor.RIGHT));
    assertFails(scorer.score(video, small), "green square", "size");
  }

  @Test
  void objectThatVanishesHalfwayFailsPersistence() {
    Scene truth =
        scene(
            Background.FOREST,
            object(Colour.PINK, Shape.TRIANGLE, ObjectSize.MEDIUM, Motion.STILL, Anchor.TOP_LEFT));
    Video video = render(truth);
    List<RgbFrame> frames = new ArrayList<>(video.frames());
    RgbFrame empty = RgbFrame.filled(CANVAS.width(), CANVAS.height(), Background.FOREST.top());
    for (int i = frames.size() / 2; i < frames.size(); i++) {
      frames.set(i, empty);
    }
    ScoreReport report = scorer.score(new Video(frames, video.fps()), truth);
    assertTrue(verdict(report, "pink triangle", "presence").passed(), report.toTable());
    assertFails(report, "pink triangle", "persistence");
  }

  @Test
  void oneFrameVideoJudgesLooksButNotMotion() {
    Scene truth =
        scene(
            Background.WHITE,
            object(
                Colour.BLUE,
                Shape.TRIANGLE,
                ObjectSize.SMALL,
                Motion.move(Motion.Direction.UP, Motion.Speed.QUICKLY),
                Anchor.BOTTOM),
            object(Colour.ORANGE, Shape.CIRCLE, ObjectSize.LARGE, Motion.STILL, Anchor.TOP_LEFT));
    Video image = new Video(List.of(new SceneRenderer(truth, CANVAS, 3).render(0)), 8);
    ScoreReport report = scorer.score(image, truth);
    for (String attribute : List.of("presence", "colour", "shape", "size")) {
      assertTrue(verdict(report, "blue triangle", attribute).passed(), report.toTable());
      assertTrue(verdict(report, "orange circle", attribute).passed(), report.toTable());
    }
    assertTrue(verdict(report, "scene", "background").passed());
    assertTrue(verdict(report, "blue objects", "count").passed());
    for (String attribute : List.of("motion", "speed", "persistence")) {
      assertFalse(verdict(report, "blue triangle", attribute).judged(), report.toTable());
    }
    assertFalse(verdict(report, "orange circle", "motion").judged());
    assertTrue(report.allPassed(), report.toTable());
    // The object is there (presence passes) but drawn at the wrong size.
    SceneObject medium =
        object(Colour.ORANGE, Shape.CIRCLE, ObjectSize.MEDIUM, Motion.STILL, Anchor.TOP_LEFT);
    Scene smaller = scene(Background.WHITE, truth.objects().get(0), medium);
    assertFails(scorer.score(image, smaller), "orange circle", "size");
  }

  @Test
  void objectsOfOneColourAreSeparatedAndMatchedByShapeAndSize() {
    SceneObject circle =
        object(Colour.RED, Shape.CIRCLE, ObjectSize.LARGE, Motion.STILL, Anchor.LEFT);
    SceneObject square =
        object(
            Colour.RED,
            Shape.SQUARE,
            ObjectSize.SMALL,
            Motion.move(Motion.Direction.DOWN, Motion.Speed.SLOWLY),
            Anchor.TOP_RIGHT);
    Scene truth = scene(Background.GRAY, circle, square);
    Video video = render(truth);
    ScoreReport report = scorer.score(video, truth);
    assertTrue(report.allPassed(), report.toTable());
    assertEquals("2", verdict(report, "red objects", "count").expected());
    Scene swapped =
        scene(
            Background.GRAY,
            object(Colour.RED, Shape.CIRCLE, ObjectSize.SMALL, Motion.STILL, Anchor.LEFT),
            object(Colour.RED, Shape.SQUARE, ObjectSize.LARGE, square.motion(), Anchor.TOP_RIGHT));
    assertFalse(scorer.score(video, swapped).allPassed());
    Scene one = scene(Background.GRAY, circle);
    assertFails(scorer.score(video, one), "red objects", "count");
  }

  @Test
  void objectBehindThePostMustComeOutTheOtherSide() {
    SceneObject mover =
        object(
            Colour.GREEN,
            Shape.CIRCLE,
            ObjectSize.SMALL,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL),
            Anchor.LEFT);
    Scene truth = new Scene(List.of(mover), Background.BLACK, Camera.STATIC, true, false, 4.0);
    Video video = render(truth);
    assertTrue(scorer.score(video, truth).allPassed(), scorer.score(video, truth).toTable());
    // Erase the object once it is behind the post (x past the centre): it never comes out.
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = 0; i < video.frameCount(); i++) {
      RgbFrame f = video.frames().get(i);
      byte[] rgb = f.rgb().clone();
      for (int p = 0; p < rgb.length; p += 3) {
        int x = (p / 3) % f.width();
        boolean green = (rgb[p + 1] & 0xFF) > 120 && (rgb[p] & 0xFF) < 120;
        if (x > f.width() / 2 && green) {
          rgb[p] = 0;
          rgb[p + 1] = 0;
          rgb[p + 2] = 0;
        }
      }
      frames.add(new RgbFrame(f.width(), f.height(), rgb));
    }
    assertFails(scorer.score(new Video(frames, 8), truth), "green circle", "persistence");
  }

  @Test
  void oddSizedVideosAreScoredWithoutCrashing() {
    Scene truth =
        scene(
            Background.GRAY,
            object(Colour.PURPLE, Shape.SQUARE, ObjectSize.LARGE, Motion.STILL, Anchor.CENTER));
    Video video = SceneRenderer.renderClip(truth, new Canvas(200, 120), 8, 5);
    List<RgbFrame> cropped = new ArrayList<>();
    for (RgbFrame f : video.frames()) {
      int w = 197;
      int h = 117;
      byte[] rgb = new byte[w * h * 3];
      for (int y = 0; y < h; y++) {
        System.arraycopy(f.rgb(), y * f.width() * 3, rgb, y * w * 3, w * 3);
      }
      cropped.add(new RgbFrame(w, h, rgb));
    }
    ScoreReport report = scorer.score(new Video(cropped, 8), truth);
    assertTrue(verdict(report, "purple square", "shape").passed(), report.toTable());
    assertTrue(verdict(report, "scene", "background").passed(), report.toTable());
  }
}
