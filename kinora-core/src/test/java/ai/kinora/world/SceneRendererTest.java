package ai.kinora.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests of {@link SceneRenderer}: determinism, exact colours, drawn sizes, and canvas sizes. */
class SceneRendererTest {

  static final Canvas SMALL = new Canvas(128, 128);
  static final Canvas HD = new Canvas(1280, 720);

  // ---- helpers shared with SceneRendererMotionTest ----

  static Scene lone(Colour colour, Shape shape, ObjectSize size, Motion motion, Anchor start) {
    return scene(
        Background.GRAY, Camera.STATIC, false, false, obj(colour, shape, size, motion, start));
  }

  static SceneObject obj(Colour c, Shape s, ObjectSize size, Motion m, Anchor a) {
    return new SceneObject(c, s, size, m, a);
  }

  static Scene scene(
      Background bg, Camera camera, boolean post, boolean snow, SceneObject... objects) {
    return new Scene(List.of(objects), bg, camera, post, snow, 4.0);
  }

  static Scene withoutSnow(Scene s) {
    return new Scene(
        s.objects(), s.background(), s.camera(), s.occluder(), false, s.durationSeconds());
  }

  static double distance(int rgb, int colour) {
    int dr = ((rgb >> 16) & 0xFF) - ((colour >> 16) & 0xFF);
    int dg = ((rgb >> 8) & 0xFF) - ((colour >> 8) & 0xFF);
    int db = (rgb & 0xFF) - (colour & 0xFF);
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }

  /** Count and centroid (x, y) of the pixels within RGB distance 60 of a colour. */
  static double[] blob(RgbFrame f, Colour colour) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < f.height(); y++) {
      for (int x = 0; x < f.width(); x++) {
        if (distance(f.rgbAt(x, y), colour.rgb()) <= 60) {
          n++;
          sx += x + 0.5;
          sy += y + 0.5;
        }
      }
    }
    return new double[] {n, sx / n, sy / n};
  }

  static boolean isStar(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    return r >= 150 && r == ((rgb >> 8) & 0xFF) && r == (rgb & 0xFF);
  }

  static List<Scene> sampled(int n, long seed, double extras) {
    SceneSampler sampler =
        new SceneSampler(SceneSampler.Settings.defaults().withExtras(extras, extras), seed);
    List<Scene> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(sampler.nextScene());
    }
    return out;
  }

  /** Distance from a shape's centre to its nearest edge, as a fraction of the extent. */
  static double innerRadius(Shape shape) {
    return switch (shape) {
      case CIRCLE, SQUARE -> 0.5;
      case TRIANGLE -> Math.sqrt(3) / 8;
      case STAR -> 0.2;
    };
  }

  // ---- determinism ----

  @Test
  void sameInputsGiveIdenticalBytesInAnyOrder() {
    for (Scene s : sampled(25, 11, 0.5)) {
      SceneRenderer a = new SceneRenderer(s, SMALL, 5);
      SceneRenderer b = new SceneRenderer(s, SMALL, 5);
      RgbFrame first = a.render(1.375);
      b.render(3.5); // scratch state left behind by another frame must not matter
      assertTrue(first.samePixels(b.render(1.375)));
      assertTrue(first.samePixels(a.renderFrame(11, 8)));
    }
  }

  @Test
  void seedChangesOnlyStarsAndSnow() {
    int decorated = 0;
    for (Scene s : sampled(40, 12, 0.5)) {
      RgbFrame a = new SceneRenderer(s, SMALL, 1).render(2.25);
      RgbFrame b = new SceneRenderer(s, SMALL, 2).render(2.25);
      if (s.background() != Background.NIGHT && !s.snow()) {
        assertTrue(a.samePixels(b), "a scene without stars or snow ignores the seed");
        continue;
      }
      decorated++;
      assertTrue(!a.samePixels(b), "stars and snow follow the seed");
      // Pixels an object or the post only partly covers may blend with a star; find them on a
      // plain black version of the frame.
      Scene plain = new Scene(s.objects(), Background.BLACK, s.camera(), s.occluder(), false, 4.0);
      RgbFrame edges = new SceneRenderer(plain, SMALL, 1).render(2.25);
      for (int y = 0; y < SMALL.height(); y++) {
        for (int x = 0; x < SMALL.width(); x++) {
          int pa = a.rgbAt(x, y);
          int pb = b.rgbAt(x, y);
          if (pa != pb) {
            boolean decoration = isStar(pa) || isStar(pb);
            assertTrue(decoration || isEdge(edges.rgbAt(x, y), s), "pixel " + x + "," + y);
          }
        }
      }
    }
    assertTrue(decorated > 5);
  }

  private static boolean isEdge(int rgb, Scene s) {
    if (rgb == 0 || rgb == SceneRenderer.POST_RGB) {
      return false;
    }
    return s.objects().stream().noneMatch(o -> o.colour().rgb() == rgb);
  }

  // ---- exact colours ----

  @Test
  void objectCentresHaveTheExactColour() {
    SplittableRandom random = new SplittableRandom(3);
    int checked = 0;
    for (Scene sampledScene : sampled(300, 13, 0.3)) {
      Scene s = withoutSnow(sampledScene);
      double t = random.nextDouble() * 4;
      SceneRenderer renderer = new SceneRenderer(s, SMALL, 9);
      RgbFrame f = renderer.render(t);
      Kinematics k = renderer.kinematics();
      Kinematics.Span post = k.occluder(t);
      List<Kinematics.Pose> poses = k.poses(t);
      for (int i = 0; i < poses.size(); i++) {
        Kinematics.Pose p = poses.get(i);
        double inner = innerRadius(s.objects().get(i).shape()) * p.extent();
        int px = (int) Math.floor(p.x());
        int py = (int) Math.floor(p.y());
        if (inner < 1.5 || px < 0 || py < 0 || px >= 128 || py >= 128) {
          continue;
        }
        boolean covered = false;
        for (int j = i + 1; j < poses.size(); j++) {
          Kinematics.Pose q = poses.get(j);
          covered |= Math.hypot(q.x() - p.x(), q.y() - p.y()) < inner + q.extent() * 0.75;
        }
        boolean behind = s.occluder() && px + 1 > post.left() - 1 && px < post.right() + 1;
        if (covered || behind) {
          continue;
        }
        assertEquals(s.objects().get(i).colour().rgb(), f.rgbAt(px, py), s + " at t=" + t);
        checked++;
      }
    }
    assertTrue(checked > 200, "checked " + checked);
  }

  @Test
  void backgroundAndPostPixelsAreExact() {
    int post = 0;
    for (Scene sampledScene : sampled(120, 14, 0.5)) {
      Scene s = withoutSnow(sampledScene);
      SceneRenderer renderer = new SceneRenderer(s, SMALL, 9);
      RgbFrame f = renderer.render(1.5);
      Kinematics.Span span = renderer.kinematics().occluder(1.5);
      List<Kinematics.Pose> poses = renderer.kinematics().poses(1.5);
      for (int y = 0; y < 128; y += 3) {
        for (int x = 0; x < 128; x += 3) {
          int rgb = f.rgbAt(x, y);
          if (s.occluder() && x >= Math.ceil(span.left()) && x + 1 <= Math.floor(span.right())) {
            assertEquals(SceneRenderer.POST_RGB, rgb);
            post++;
            continue;
          }
          if (s.occluder() && x + 1 >= span.left() && x <= span.right()) {
            continue;
          }
          boolean near = false;
          for (Kinematics.Pose p : poses) {
            near |= Math.hypot(x + 0.5 - p.x(), y + 0.5 - p.y()) < p.extent() * 0.75 + 2;
          }
          if (!near) {
            assertBackground(s.background(), y, rgb);
          }
        }
      }
    }
    assertTrue(post > 100);
  }

  private static void assertBackground(Background bg, int y, int rgb) {
    switch (bg) {
      case NIGHT -> assertTrue(rgb == bg.top() || isStar(rgb), Integer.toHexString(rgb));
      case DUSK -> {
        double f = y / 127.0;
        for (int shift = 16; shift >= 0; shift -= 8) {
          double expected =
              ((bg.top() >> shift) & 0xFF) * (1 - f) + ((bg.bottom() >> shift) & 0xFF) * f;
          assertEquals(expected, (rgb >> shift) & 0xFF, 1.0, "dusk row " + y);
        }
      }
      default -> assertEquals(bg.top(), rgb);
    }
  }

  @Test
  void duskRunsFromTopToBottomColour() {
    Scene s = lone(Colour.RED, Shape.CIRCLE, ObjectSize.SMALL, Motion.STILL, Anchor.CENTER);
    Scene dusk = new Scene(s.objects(), Background.DUSK, Camera.STATIC, false, false, 4.0);
    RgbFrame f = new SceneRenderer(dusk, SMALL, 0).render(0);
    assertEquals(0x191E5A, f.rgbAt(0, 0));
    assertEquals(0x5A285A, f.rgbAt(0, 127));
  }

  // ---- sizes ----

  /** Green on gray: their distance is about 120, so the 60 threshold sits at half coverage. */
  private static double countedArea(Canvas canvas, Shape shape, ObjectSize size, double t) {
    Motion motion = t == 0 ? Motion.STILL : Motion.SPIN;
    Scene s = lone(Colour.GREEN, shape, size, motion, Anchor.CENTER);
    return blob(new SceneRenderer(s, canvas, 0).render(t), Colour.GREEN)[0];
  }

  private static void assertSizes(Canvas canvas, ObjectSize size, double tolerance) {
    double e = size.fraction() * canvas.minSide();
    double[] expected = {
      Math.PI / 4 * e * e, e * e, Math.sqrt(3) / 4 * e * e, 2 * Math.sin(Math.PI / 5) * e * e / 4
    };
    Shape[] shapes = {Shape.CIRCLE, Shape.SQUARE, Shape.TRIANGLE, Shape.STAR};
    for (int i = 0; i < shapes.length; i++) {
      for (double t : new double[] {0, 0.3}) {
        if (t > 0 && shapes[i] == Shape.CIRCLE) {
          continue;
        }
        double area = countedArea(canvas, shapes[i], size, t);
        assertEquals(1.0, area / expected[i], tolerance, shapes[i] + " at " + canvas + " t=" + t);
      }
      assertEquals(expected[i], ShapeOutline.area(shapes[i], e), 1e-9 * expected[i]);
    }
  }

  @Test
  void drawnAreasMatchTheShapes() {
    assertSizes(SMALL, ObjectSize.LARGE, 0.03);
    assertSizes(SMALL, ObjectSize.MEDIUM, 0.04);
    // A thresholded count can lose most of one pixel row along a straight edge (a 0.41-covered
    // row under the triangle's base at 1280x720), so a tight bound only holds on the coverage sum.
    assertSizes(HD, ObjectSize.SMALL, 0.02);
    assertSizes(new Canvas(64, 64), ObjectSize.LARGE, 0.08);
  }

  @Test
  void coverageSumsToTheExactArea() {
    // White on black: the sum of red values over 250 is the total coverage, edges included.
    for (Shape shape : Shape.values()) {
      Scene s =
          scene(
              Background.BLACK,
              Camera.STATIC,
              false,
              false,
              obj(Colour.WHITE, shape, ObjectSize.MEDIUM, Motion.SPIN, Anchor.TOP_LEFT));
      RgbFrame f = new SceneRenderer(s, SMALL, 0).render(0.37);
      double sum = 0;
      for (int i = 0; i < f.rgb().length; i += 3) {
        sum += (f.rgb()[i] & 0xFF) / 250.0;
      }
      double e = ObjectSize.MEDIUM.fraction() * 128;
      assertEquals(ShapeOutline.area(shape, e), sum, 0.004 * sum + 1, shape.toString());
    }
  }

  @Test
  void shapesCutByTheFrameEdgeMatchTheUncutDrawing() {
    // The same shape drawn on a 64x64 frame and, shifted by 32, on a 128x128 one: the small frame
    // must equal the big one's middle, so clipping at each side changes nothing it keeps.
    SplittableRandom random = new SplittableRandom(21);
    ShapeOutline outline = new ShapeOutline();
    CoverageRasterizer small = new CoverageRasterizer(64, 64);
    CoverageRasterizer big = new CoverageRasterizer(128, 128);
    for (int n = 0; n < 200; n++) {
      Shape shape = Shape.values()[n % 4];
      double x = random.nextDouble(-30, 94);
      double y = random.nextDouble(-30, 94);
      double extent = random.nextDouble(2, 70);
      double angle = random.nextDouble(0, 7);
      byte[] a = new byte[64 * 64 * 3];
      byte[] b = new byte[128 * 128 * 3];
      small.begin();
      outline.trace(shape, new Kinematics.Pose(x, y, extent, angle), small);
      small.fill(a, Colour.YELLOW.rgb());
      big.begin();
      outline.trace(shape, new Kinematics.Pose(x + 32, y + 32, extent, angle), big);
      big.fill(b, Colour.YELLOW.rgb());
      for (int row = 0; row < 64; row++) {
        for (int i = 0; i < 64 * 3; i++) {
          int va = a[row * 64 * 3 + i] & 0xFF;
          int vb = b[((row + 32) * 128 + 32) * 3 + i] & 0xFF;
          if (Math.abs(va - vb) > 1) {
            assertEquals(vb, va, 1, shape + " at " + x + "," + y + " size " + extent);
          }
        }
      }
    }
  }

  // ---- canvases, frame counts, clips ----

  @Test
  void rendersAnySizeAndLongClips() {
    SceneObject a =
        obj(
            Colour.BLUE,
            Shape.STAR,
            ObjectSize.LARGE,
            Motion.move(Motion.Direction.RIGHT, Motion.Speed.QUICKLY),
            Anchor.LEFT);
    SceneObject b = obj(Colour.WHITE, Shape.SQUARE, ObjectSize.SMALL, Motion.GROW, Anchor.TOP);
    Scene s = scene(Background.NIGHT, Camera.ZOOM_OUT, true, true, a, b);
    for (Canvas c :
        List.of(
            new Canvas(32, 32),
            new Canvas(64, 64),
            HD,
            new Canvas(720, 1280),
            new Canvas(1920, 1080))) {
      RgbFrame f = new SceneRenderer(s, c, 4).render(2.0);
      assertEquals(c.width(), f.width());
      assertEquals(c.height(), f.height());
    }
    assertEquals(1, SceneRenderer.frameCount(0.01, 8));
    assertEquals(480, SceneRenderer.frameCount(60, 8));
    Scene minute = s.withDuration(60);
    RgbFrame last = new SceneRenderer(minute, SMALL, 4).renderFrame(479, 8);
    assertEquals(128, last.width());
    Video single = SceneRenderer.renderClip(s.withDuration(0.1), new Canvas(32, 32), 8, 4);
    assertEquals(1, single.frameCount());
    Video clip = SceneRenderer.renderClip(s.withDuration(1), new Canvas(32, 32), 8, 4);
    assertEquals(8, clip.frameCount());
    RgbFrame third = new SceneRenderer(s.withDuration(1), new Canvas(32, 32), 4).renderFrame(3, 8);
    assertTrue(clip.frames().get(3).samePixels(third));
    assertThrows(IllegalArgumentException.class, () -> new SceneRenderer(s, SMALL, 0).render(-1));
    assertThrows(IllegalArgumentException.class, () -> SceneRenderer.frameCount(1, 0));
  }
}
