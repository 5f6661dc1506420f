package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The building blocks on hand-made inputs: components, the post, holes, robust fits, features. */
class ComponentsAndStatsTest {

  private static boolean[] mask(String... rows) {
    int w = rows[0].length();
    boolean[] m = new boolean[w * rows.length];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < w; x++) {
        m[y * w + x] = rows[y].charAt(x) == '#';
      }
    }
    return m;
  }

  @Test
  void labelsEightConnectedRegionsLargestFirstAndDropsSpecks() {
    boolean[] m =
        mask(
            "##....#", //
            "##...#.", //
            "....#..", //
            ".......", //
            "#......");
    List<Components.Region> regions = Components.label(m, 7, 5, 2);
    assertEquals(2, regions.size());
    assertEquals(4, regions.get(0).count());
    assertEquals(3, regions.get(1).count(), "the diagonal is one region under 8-connectivity");
    assertEquals(4, regions.get(1).minX());
    assertEquals(6, regions.get(1).maxX());
  }

  @Test
  void fillsSmallEnclosedHolesOnly() {
    boolean[] m =
        mask(
            "#####....", //
            "#.#.#....", //
            "#####....");
    Components.Region r = Components.label(m, 9, 3, 1).get(0);
    assertEquals(13, r.count());
    assertEquals(15, Components.fillHoles(r, 9).count());
  }

  @Test
  void findsThePostAndJoinsAnObjectCutByIt() {
    int w = 40;
    int h = 20;
    int[] frame = new int[w * h];
    java.util.Arrays.fill(frame, 0x6E6E6E);
    for (int y = 0; y < h; y++) {
      for (int x = 18; x < 23; x++) {
        frame[y * w + x] = Components.POST_RGB;
      }
      if (y >= 5 && y < 10) {
        for (int x = 12; x < 29; x++) {
          if (x < 18 || x >= 23) {
            frame[y * w + x] = 0xE62828;
          }
        }
      }
    }
    Components.PostSpan post = Components.detectPost(frame, w, h);
    assertNotNull(post, "gray is 57 from the post colour, the post must still be found");
    assertEquals(18, post.left());
    assertEquals(23, post.right());
    boolean[] red = Components.mask(frame, 0xE62828, Components.OBJECT_DISTANCE);
    List<Components.Region> pieces = Components.label(red, w, h, 1);
    assertEquals(2, pieces.size());
    List<Components.Region> joined = Components.joinAcrossPost(pieces, post);
    assertEquals(1, joined.size());
    assertTrue(joined.get(0).acrossPost());
    assertEquals(60, joined.get(0).count());
    int[] gray = new int[w * h];
    java.util.Arrays.fill(gray, 0x6E6E6E);
    assertNull(Components.detectPost(gray, w, h));
  }

  @Test
  void theilSenIgnoresAnOutlier() {
    double[] t = {0, 1, 2, 3, 4, 5};
    double[] y = {1, 3, 5, 40, 9, 11};
    Robust.Line line = Robust.theilSen(t, y, 6);
    assertEquals(2, line.slope(), 1e-9);
    assertEquals(1, line.intercept(), 1e-9);
    double[] p = Robust.parabola(t, new double[] {0, 1, 4, 9, 16, 25}, 0, 6);
    assertEquals(1, p[2], 1e-9);
    assertEquals(Math.PI - 0.1, Robust.wrap(3 * Math.PI - 0.1), 1e-9);
    assertEquals(1, Robust.nearestOnLogScale(0.24, new double[] {0.12, 0.2, 0.3}));
    assertEquals(2, Robust.nearestOnLogScale(0.25, new double[] {0.12, 0.2, 0.3}));
  }

  /** A filled polygon sampled on a fine grid, as weighted points (coverage 1). */
  private static ShapeFeatures.Features sampled(double[][] polygon, double rotation) {
    int n = 0;
    double[] xs = new double[40000];
    double[] ys = new double[40000];
    double[] as = new double[40000];
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        double px = (x + 0.5 - 100) / 80.0;
        double py = (y + 0.5 - 100) / 80.0;
        double c = Math.cos(-rotation);
        double s = Math.sin(-rotation);
        if (inside(polygon, c * px - s * py, s * px + c * py)) {
          xs[n] = x + 0.5;
          ys[n] = y + 0.5;
          as[n++] = 1;
        }
      }
    }
    return ShapeFeatures.moments(xs, ys, as, n, 0);
  }

  private static boolean inside(double[][] poly, double x, double y) {
    boolean in = false;
    for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      if ((poly[i][1] > y) != (poly[j][1] > y)
          && x
              < (poly[j][0] - poly[i][0]) * (y - poly[i][1]) / (poly[j][1] - poly[i][1])
                  + poly[i][0]) {
        in = !in;
      }
    }
    return in;
  }

  private static double[][] regular(int corners, double inner) {
    int points = inner > 0 ? corners * 2 : corners;
    double[][] p = new double[points][];
    for (int i = 0; i < points; i++) {
      double r = inner > 0 && i % 2 == 1 ? inner : 1;
      double a = -Math.PI / 2 + 2 * Math.PI * i / points;
      p[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
    }
    return p;
  }

  @Test
  void shapesAreToldApartAtAnyRotationAndSpinsShowInThePhase() {
    for (double rotation : new double[] {0, 0.3, 0.7, 1.1}) {
      assertEquals(Shape.CIRCLE, sampled(regular(64, 0), rotation).shape());
      assertEquals(Shape.TRIANGLE, sampled(regular(3, 0), rotation).shape());
      assertEquals(Shape.SQUARE, sampled(regular(4, 0), rotation).shape());
      assertEquals(Shape.STAR, sampled(regular(5, 0.4), rotation).shape());
    }
    double before = sampled(regular(4, 0), 0.1).phaseOf(4);
    double after = sampled(regular(4, 0), 0.3).phaseOf(4);
    assertEquals(0.2, Robust.wrap(after - before) / 4, 0.01, "clockwise turns raise the phase");
    assertEquals(0.29, sampled(regular(4, 0), 0).h(4), 0.02);
  }
}
