package ai.kinora.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spacetime patches: exact round trips, token contents, coordinates and masks. */
class PatchifierTest {

  NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @ParameterizedTest(name = "patch ({0},{1},{2}), latents (2,3,{3},{4},{5})")
  @CsvSource({
    "1,2,2, 1,8,8", // an image
    "1,2,2, 3,4,6", // non-square
    "1,2,2, 9,16,16", // a 4 s 128x128 clip
    "1,2,2, 9,6,16", // wide (about 16:9 at 8x)
    "2,2,2, 2,4,4",
    "2,2,2, 4,8,6",
    "1,1,1, 3,5,7"
  })
  void patchifyThenUnpatchifyIsTheIdentity(int pt, int ph, int pw, int t, int h, int w) {
    Patchifier p = new Patchifier(pt, ph, pw);
    Shape shape = new Shape(2, 3, t, h, w);
    NDArray latents = m.randomNormal(shape);
    NDArray tokens = p.patchify(latents);
    long n = (long) (t / pt) * (h / ph) * (w / pw);
    assertEquals(new Shape(2, n, 3L * pt * ph * pw), tokens.getShape());
    assertArrayEquals(latents.toFloatArray(), p.unpatchify(tokens, shape).toFloatArray());
  }

  @Test
  void aTokenHoldsItsPatchChannelMajor() {
    Patchifier p = new Patchifier(1, 2, 2);
    Shape shape = new Shape(1, 2, 2, 4, 6);
    NDArray latents = m.arange((float) shape.size()).reshape(shape);
    NDArray tokens = p.patchify(latents); // (1, 2*2*3, 8)
    // Token (t=1, y=1, x=2) is number 1*6 + 1*3 + 2 = 11; its values are c, then dy, then dx.
    float[] token = tokens.get("0, 11").toFloatArray();
    float[] expected = new float[8];
    int i = 0;
    for (int c = 0; c < 2; c++) {
      for (int dy = 0; dy < 2; dy++) {
        for (int dx = 0; dx < 2; dx++) {
          expected[i++] = latents.getFloat(0, c, 1, 2 + dy, 4 + dx);
        }
      }
    }
    assertArrayEquals(expected, token);
  }

  @Test
  void coordinatesAreTimeRowColumnInTokenOrder() {
    Patchifier p = new Patchifier(1, 2, 2);
    Patchifier.Grid g = p.grid(new Shape(1, 4, 3, 4, 6));
    assertEquals(new Patchifier.Grid(3, 2, 3), g);
    int[] c = p.coordinates(m, g).toIntArray();
    assertEquals(18 * 3, c.length);
    assertArrayEquals(new int[] {0, 0, 0}, new int[] {c[0], c[1], c[2]});
    assertArrayEquals(new int[] {0, 0, 1}, new int[] {c[3], c[4], c[5]});
    assertArrayEquals(new int[] {0, 1, 0}, new int[] {c[9], c[10], c[11]});
    assertArrayEquals(new int[] {2, 1, 2}, new int[] {c[51], c[52], c[53]});
  }

  @Test
  void frameMasksBecomeTokenMasks() {
    Patchifier p = new Patchifier(1, 2, 2);
    Patchifier.Grid g = p.grid(new Shape(1, 4, 3, 4, 4)); // 4 tokens per frame
    boolean[] tokens = p.tokenMask(new boolean[] {true, false, true}, g);
    for (int i = 0; i < 12; i++) {
      assertEquals(i < 4 || i >= 8, tokens[i], "token " + i);
    }
    Patchifier pairs = new Patchifier(2, 2, 2);
    Patchifier.Grid g2 = pairs.grid(new Shape(1, 4, 4, 4, 4));
    assertThrows(
        IllegalArgumentException.class,
        () -> pairs.tokenMask(new boolean[] {true, false, false, false}, g2),
        "a temporal patch cannot be half held");
  }

  @Test
  void sizesNotDivisibleByThePatchAreRefused() {
    Patchifier p = new Patchifier(2, 2, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.grid(new Shape(1, 4, 9, 16, 16)));
    assertEquals(
        "latent (T, H, W) = (9, 16, 16) is not divisible by the patch (2, 2, 2)", e.getMessage());
  }
}
