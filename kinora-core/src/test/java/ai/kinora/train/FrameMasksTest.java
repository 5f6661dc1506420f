package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training's random frame-conditioning masks. */
class FrameMasksTest {

  static String text(boolean[] mask) {
    StringBuilder s = new StringBuilder();
    for (boolean b : mask) {
      s.append(b ? 'x' : '.');
    }
    return s.toString();
  }

  @Test
  void eachKindDrawsItsPattern() {
    SplittableRandom rng = new SplittableRandom(1);
    assertEquals("x....", text(new FrameMasks(0, 1, 0, 0, 0, 0).sample(5, 1, rng)));
    assertEquals("x...x", text(new FrameMasks(0, 0, 0, 0, 1, 0).sample(5, 1, rng)));
    assertEquals(".....", text(FrameMasks.NONE.sample(5, 1, rng)));
    for (int i = 0; i < 200; i++) {
      String first = text(new FrameMasks(0, 0, 1, 0, 0, 0).sample(5, 1, rng));
      assertTrue(first.matches("x+\\.+"), first);
      String last = text(new FrameMasks(0, 0, 0, 1, 0, 0).sample(5, 1, rng));
      assertTrue(last.matches("\\.+x+"), last);
      String random = text(new FrameMasks(0, 0, 0, 0, 0, 1).sample(5, 1, rng));
      assertTrue(random.contains("x") && random.contains("."), random);
    }
  }

  @Test
  void neverEveryFrameAndNeverAnImage() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 500; i++) {
      assertFalse(FrameMasks.DEFAULT.sample(1, 1, rng)[0], "an image is never held");
      assertEquals("x.", text(new FrameMasks(0, 0, 0, 0, 1, 0).sample(2, 1, rng)));
      boolean[] mask = FrameMasks.DEFAULT.sample(3, 1, rng);
      assertFalse(mask[0] && mask[1] && mask[2], text(mask));
    }
  }

  @Test
  void masksFollowTheWeightsAndTheSeed() {
    SplittableRandom rng = new SplittableRandom(3);
    Map<String, Integer> counts = new HashMap<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      counts.merge(text(FrameMasks.DEFAULT.sample(9, 1, rng)), 1, Integer::sum);
    }
    assertEquals(0.5, counts.get(".........") / (double) n, 0.015, "text only");
    assertArrayEquals(
        FrameMasks.DEFAULT.sample(9, 1, new SplittableRandom(7)),
        FrameMasks.DEFAULT.sample(9, 1, new SplittableRandom(7)));
  }

  @Test
  void temporalPatchesAreHeldWhole() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 100; i++) {
      boolean[] mask = FrameMasks.DEFAULT.sample(8, 2, rng);
      for (int f = 0; f < 8; f += 2) {
        assertEquals(mask[f], mask[f + 1]);
      }
    }
  }
}
