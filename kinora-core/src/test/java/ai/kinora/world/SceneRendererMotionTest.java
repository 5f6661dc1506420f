package ai.kinora.world;

import static ai.kinora.world.SceneRendererTest.HD;
import static ai.kinora.world.SceneRendererTest.SMALL;
import static ai.kinora.world.SceneRendererTest.blob;
import static ai.kinora.world.SceneRendererTest.isStar;
import static ai.kinora.world.SceneRendererTest.lone;
import static ai.kinora.world.SceneRendererTest.obj;
import static ai.kinora.world.SceneRendererTest.scene;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests that {@link SceneRenderer} moves things as {@link Kinematics} says, and its decoration. */
class SceneRendererMotionTest {

  private static final Motion RIGHT = Motion.move(Motion.Direction.RIGHT, Motion.Speed.NORMAL);

  @Test
  void rightMoverCentroidAdvancesBySpeedTimesWidth() {
    for (Canvas c : List.of(SMALL, HD)) {
      Scene s = lone(Colour.RED, Shape.CIRCLE, ObjectSize.MEDIUM, RIGHT, Anchor.LEFT);
      SceneRenderer r = new SceneRenderer(s, c, 0);
      double[] a = blob(r.render(0), Colour.RED);
      double[] b = blob(r.render(1), Colour.RED);
      assertEquals(0.3 * c.width(), b[1] - a[1], 0.01 * c.width() * 0.3 + 0.1, c.toString());
      assertEquals(a[2], b[2], 1e-9);
      assertEquals(0.25 * c.width(), a[1], 0.1);
    }
  }

  @Test
  void centroidsFollowKinematicsForBounceOrbitAndZoom() {
    List<Scene> scenes =
        List.of(
            lone(Colour.BLUE, Shape.CIRCLE, ObjectSize.MEDIUM, Motion.FALL_AND_BOUNCE, Anchor.TOP),
            lone(
                Colour.PURPLE,
                Shape.SQUARE,
                ObjectSize.SMALL,
                Motion.orbit(Motion.Turn.COUNTERCLOCKWISE),
                Anchor.RIGHT),
            scene(
                Background.BLACK,
                Camera.ZOOM_IN,
                false,
                false,
                obj(Colour.ORANGE, Shape.CIRCLE, ObjectSize.SMALL, RIGHT, Anchor.TOP_LEFT)));
    for (Scene s : scenes) {
      SceneRenderer r = new SceneRenderer(s, SMALL, 0);
      Colour colour = s.objects().get(0).colour();
      double lowest = 0;
      for (double t = 0; t <= 4; t += 0.125) {
        Kinematics.Pose p = r.kinematics().pose(0, t);
        double half = p.extent() * 0.75;
        if (p.x() - half < 0 || p.x() + half > 128 || p.y() - half < 0 || p.y() + half > 128) {
          continue; // a clipped shape's centroid is not its centre
        }
        double[] b = blob(r.render(t), colour);
        assertEquals(p.x(), b[1], 0.3, s + " x at t=" + t);
        assertEquals(p.y(), b[2], 0.3, s + " y at t=" + t);
        lowest = Math.max(lowest, b[2]);
      }
      if (s.objects().get(0).motion() instanceof Motion.FallAndBounce) {
        assertTrue(lowest > 105, "the ball falls to the bottom, reaching " + lowest);
        double after = blob(r.render(1.5), colour)[2];
        assertTrue(after < lowest - 5, "and bounces back up");
      }
    }
  }

  @Test
  void objectLeavingTheFrameDisappears() {
    Motion quick = Motion.move(Motion.Direction.RIGHT, Motion.Speed.QUICKLY);
    Scene s = lone(Colour.YELLOW, Shape.TRIANGLE, ObjectSize.LARGE, quick, Anchor.RIGHT);
    SceneRenderer r = new SceneRenderer(s, SMALL, 0);
    assertTrue(blob(r.render(0), Colour.YELLOW)[0] > 300);
    assertTrue(blob(r.render(0.3), Colour.YELLOW)[0] > 50, "partly out is still drawn");
    assertEquals(0, blob(r.render(1), Colour.YELLOW)[0]);
    assertEquals(0, blob(r.render(30), Colour.YELLOW)[0]);
  }

  @Test
  void postHidesACentredObjectAndItReappearsUnchanged() {
    SceneObject still =
        obj(Colour.PINK, Shape.CIRCLE, ObjectSize.SMALL, Motion.STILL, Anchor.CENTER);
    Scene hidden = scene(Background.FOREST, Camera.STATIC, true, false, still);
    Scene open = scene(Background.FOREST, Camera.STATIC, false, false, still);
    assertEquals(0, blob(new SceneRenderer(hidden, SMALL, 0).render(1), Colour.PINK)[0]);
    assertTrue(blob(new SceneRenderer(open, SMALL, 0).render(1), Colour.PINK)[0] > 100);

    SceneObject mover = obj(Colour.RED, Shape.SQUARE, ObjectSize.SMALL, RIGHT, Anchor.LEFT);
    SceneRenderer r =
        new SceneRenderer(scene(Background.FOREST, Camera.STATIC, true, false, mover), SMALL, 0);
    double before = blob(r.render(0), Colour.RED)[0];
    // From a quarter of the width at 0.3 widths per second, the square is on the post at 0.25/0.3 s
    // and as far past it again at twice that.
    double onPost = 0.25 / 0.3;
    assertEquals(0, blob(r.render(onPost), Colour.RED)[0]);
    assertEquals(before, blob(r.render(2 * onPost), Colour.RED)[0], 1.0);
  }

  private static int starPixels(RgbFrame f) {
    int n = 0;
    for (int y = 0; y < f.height(); y++) {
      for (int x = 0; x < f.width(); x++) {
        n += isStar(f.rgbAt(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void starsAndSnowStayUnderTheirLimits() {
    SceneObject red = obj(Colour.RED, Shape.SQUARE, ObjectSize.SMALL, Motion.STILL, Anchor.LEFT);
    for (Canvas c : List.of(new Canvas(32, 32), new Canvas(64, 64), SMALL, HD)) {
      double pixels = c.width() * c.height();
      for (Camera camera : Camera.values()) {
        for (long seed = 0; seed < 3; seed++) {
          SceneRenderer r =
              new SceneRenderer(scene(Background.NIGHT, camera, false, false, red), c, seed);
          for (double t : new double[] {0, 4}) {
            int stars = starPixels(r.render(t));
            assertTrue(stars <= 0.01 * pixels, c + " " + camera + ": " + stars + " star pixels");
            assertTrue(c.width() < 128 || stars > 0.001 * pixels, "a night has stars");
          }
          SceneRenderer snowy =
              new SceneRenderer(scene(Background.BLACK, camera, true, true, red), c, seed);
          int flakes = starPixels(snowy.render(1.7));
          assertTrue(flakes <= 0.02 * pixels, c + ": " + flakes + " snow pixels");
          assertTrue(c.width() < 128 || flakes > 0.008 * pixels, "it snows");
        }
      }
    }
  }

  @Test
  void starsAreFixedToThePanningWorld() {
    SceneObject red =
        obj(Colour.RED, Shape.CIRCLE, ObjectSize.SMALL, Motion.STILL, Anchor.BOTTOM_RIGHT);
    for (Camera camera : List.of(Camera.PAN_LEFT, Camera.PAN_RIGHT)) {
      SceneRenderer r =
          new SceneRenderer(scene(Background.NIGHT, camera, false, false, red), SMALL, 8);
      // 0.2 frame-widths per second at 128 px: 1.25 s is exactly 32 pixels.
      int shift = (int) Math.round(r.kinematics().panOffset(1.25));
      assertEquals(camera == Camera.PAN_LEFT ? 32 : -32, shift);
      RgbFrame a = r.render(0);
      RgbFrame b = r.render(1.25);
      int matched = 0;
      for (int y = 0; y < 80; y++) {
        for (int x = 0; x < 128; x++) {
          int moved = x + shift;
          if (isStar(a.rgbAt(x, y)) && moved >= 0 && moved < 128) {
            assertEquals(a.rgbAt(x, y), b.rgbAt(moved, y), "star at " + x + "," + y);
            matched++;
          }
        }
      }
      assertTrue(matched > 8, "matched " + matched);
      // What the pan reveals has stars too.
      int revealed = 0;
      int from = shift > 0 ? 0 : 128 + shift;
      for (int y = 0; y < 80; y++) {
        for (int x = from; x < from + 32; x++) {
          revealed += isStar(b.rgbAt(x, y)) ? 1 : 0;
        }
      }
      assertTrue(revealed > 0);
    }
  }

  @Test
  void snowFallsAndWraps() {
    SceneObject red = obj(Colour.RED, Shape.SQUARE, ObjectSize.SMALL, Motion.STILL, Anchor.LEFT);
    SceneRenderer r =
        new SceneRenderer(scene(Background.BLACK, Camera.STATIC, false, true, red), SMALL, 2);
    RgbFrame early = r.render(0);
    RgbFrame late = r.render(59);
    assertTrue(!early.samePixels(late));
    int n0 = starPixels(early);
    int n1 = starPixels(late);
    // Wrapping keeps every flake on screen: the count changes only where flakes overlap.
    assertEquals(n0, n1, 0.1 * n0);
  }

  @Test
  void benchmarkRunsAndExercisesEveryLayer() {
    RenderBenchmark.Result result = RenderBenchmark.measure(new Canvas(32, 32), 40, 1);
    assertEquals(40, result.frames());
    assertTrue(result.framesPerSecond() > 0 && result.seconds() > 0);
    Map<String, Integer> layers = RenderBenchmark.layerCounts(32 * 100, 1);
    for (String layer :
        List.of(
            "background night",
            "background dusk",
            "camera pan_left",
            "camera zoom_out",
            "post",
            "snow")) {
      assertTrue(layers.containsKey(layer), layer + " in " + layers);
    }
  }
}
