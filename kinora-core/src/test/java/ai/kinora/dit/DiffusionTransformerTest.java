package ai.kinora.dit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.Step;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEmbedding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The diffusion transformer: shapes, initialisation, relative positions, conditioning, I/O. */
class DiffusionTransformerTest {

  /** The velocity for latents of {@code shape} at time t, with coordinates shifted by offset. */
  static NDArray velocity(
      TinyModel model, NDManager m, Shape shape, float t, int[] offset, NDArray mask, long seed) {
    Patchifier p = model.dit.patchifier();
    Patchifier.Grid g = p.grid(shape);
    TextEmbedding text =
        model.text.encode(
            List.of("a red circle moves right", "blue square").subList(0, (int) shape.get(0)));
    NDArray tokens = p.patchify(ai.kinora.flow.Noise.gaussian(m, shape, seed));
    NDArray coords = p.coordinates(m, g).add(m.create(offset).reshape(1, 3));
    NDArray ts = m.full(new Shape(shape.get(0)), t);
    return model.dit.forward(tokens, coords, ts, text, mask);
  }

  @ParameterizedTest(name = "latents {0}x{1}x{2}")
  @CsvSource({"1,8,8", "1,4,12", "3,8,8", "5,12,4"})
  void forwardKeepsTheTokenShapeForImagesAndVideosOfAnyAspect(int t, int h, int w) {
    try (TinyModel model = new TinyModel(1).randomize(0.2);
        Step step = Step.open(model.params)) {
      Shape shape = new Shape(2, 4, t, h, w);
      NDArray v = velocity(model, step.manager(), shape, 0.5f, new int[3], null, 7);
      assertEquals(new Shape(2, (long) t * (h / 2) * (w / 2), 16), v.getShape());
      assertTrue(v.abs().sum().getFloat() > 0);
    }
  }

  @Test
  void aFreshModelPredictsExactlyZeroVelocity() {
    try (TinyModel model = new TinyModel(2);
        Step step = Step.open(model.params)) {
      NDArray v =
          velocity(model, step.manager(), new Shape(2, 4, 3, 8, 8), 0.7f, new int[3], null, 1);
      for (float x : v.toFloatArray()) {
        assertEquals(0f, x);
      }
    }
  }

  @ParameterizedTest(name = "time positions {0}")
  @ValueSource(booleans = {false, true})
  void onlyRelativePositionsMatter(boolean timePositions) {
    try (TinyModel model =
            new TinyModel(3, DitConfig.TINY.withTimePositions(timePositions)).randomize(0.3);
        Step step = Step.open(model.params)) {
      Shape shape = new Shape(1, 4, 3, 6, 8);
      NDArray a = velocity(model, step.manager(), shape, 0.4f, new int[] {0, 0, 0}, null, 5);
      NDArray b = velocity(model, step.manager(), shape, 0.4f, new int[] {5, 7, 11}, null, 5);
      assertTrue(a.abs().max().getFloat() > 0.1, "outputs are not trivially small");
      assertTrue(
          a.sub(b).abs().max().getFloat() < 1e-4, "shifting every coordinate changes nothing");
      // ...while moving one token relative to the others does change the output.
      NDManager m = step.manager();
      Patchifier p = model.dit.patchifier();
      NDArray coords = p.coordinates(m, p.grid(shape));
      coords.set(new ai.djl.ndarray.index.NDIndex("0, 2"), 3);
      TextEmbedding text = model.text.encode(List.of("a red circle moves right"));
      NDArray c =
          model.dit.forward(
              p.patchify(ai.kinora.flow.Noise.gaussian(m, shape, 5)),
              coords,
              m.full(new Shape(1), 0.4f),
              text,
              null);
      assertTrue(a.sub(c).abs().max().getFloat() > 1e-3);
    }
  }

  @Test
  void framePositionsTellTokensWhereTheyAreInTheFrame() {
    Shape shape = new Shape(1, 4, 2, 6, 8);
    DitConfig with = DitConfig.TINY;
    DitConfig without =
        new DitConfig(32, 2, 2, 4, new Patchifier(1, 2, 2), 4, 32, 32, false, false);
    assertTrue(with.framePositions());
    for (DitConfig config : List.of(with, without)) {
      try (TinyModel model = new TinyModel(4, config).randomize(0.3);
          Step step = Step.open(model.params)) {
        NDManager m = step.manager();
        Patchifier p = model.dit.patchifier();
        NDArray tokens = m.ones(new Shape(1, p.grid(shape).tokens(), 16)); // the same everywhere
        NDArray v =
            model.dit.forward(
                tokens,
                p.coordinates(m, p.grid(shape)),
                m.full(new Shape(1), 0.5f),
                model.text.encode(List.of("a red circle moves right")),
                null); // (1, N, 16)
        float spread = v.sub(v.mean(new int[] {1}, true)).abs().max().getFloat();
        if (config.framePositions()) {
          assertTrue(spread > 1e-2, "outputs differ across the frame: " + spread);
        } else {
          // rotary positions alone are relative: identical tokens cannot tell where they are
          assertTrue(spread < 1e-4, "identical outputs without frame positions: " + spread);
        }
      }
    }
  }

  @Test
  void timePositionsTellEveryLatentFrameApart() {
    try (NDManager m = NDManager.newBaseManager()) {
      Patchifier p = new Patchifier(1, 2, 2);
      Patchifier.Grid grid = p.grid(new Shape(1, 4, 17, 4, 4)); // 17 latent frames of 4 tokens
      float[] f = DiffusionTransformer.timePositionFeatures(p.coordinates(m, grid)).toFloatArray();
      float[] shifted =
          DiffusionTransformer.timePositionFeatures(
                  p.coordinates(m, grid).add(m.create(new int[] {9, 3, 5}).reshape(1, 3)))
              .toFloatArray();
      assertArrayEquals(f, shifted, 0f, "counted from the grid's first frame");
      int n = DiffusionTransformer.TIME_FEATURES;
      for (int a = 0; a < 17; a++) {
        for (int token = 1; token < 4; token++) { // the same within a frame
          for (int i = 0; i < n; i++) {
            assertEquals(f[(4 * a) * n + i], f[(4 * a + token) * n + i], 0f);
          }
        }
        for (int b = a + 1; b < 17; b++) { // and different between any two frames
          double distance = 0;
          for (int i = 0; i < n; i++) {
            distance += Math.abs(f[4 * a * n + i] - f[4 * b * n + i]);
          }
          assertTrue(distance > 0.1, "frames " + a + " and " + b + ": " + distance);
        }
      }
    }
  }

  @Test
  void addedTimePositionsStartSilent(@TempDir Path dir) throws IOException {
    Shape shape = new Shape(1, 4, 3, 4, 4);
    float[] before;
    try (TinyModel model = new TinyModel(5).randomize(0.3)) {
      try (Step step = Step.open(model.params)) {
        before = velocity(model, step.manager(), shape, 0.4f, new int[3], null, 2).toFloatArray();
      }
      model.params.save(dir.resolve("w.safetensors"));
    }
    try (TinyModel model = new TinyModel(6, DitConfig.TINY.withTimePositions(true))) {
      Path file = dir.resolve("w.safetensors");
      CheckpointException missing =
          assertThrows(CheckpointException.class, () -> model.params.load(file));
      assertTrue(missing.getMessage().contains("dit.time_position.weight"), missing.getMessage());
      model.params.load(file, n -> false, n -> n.startsWith("dit.time_position."));
      try (Step step = Step.open(model.params)) {
        float[] after =
            velocity(model, step.manager(), shape, 0.4f, new int[3], null, 2).toFloatArray();
        assertArrayEquals(before, after, 0f);
      }
    }
  }

  @Test
  void heldTokensAreSeenAtTimestepZero() {
    try (TinyModel model = new TinyModel(4).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager m = step.manager();
      Shape shape = new Shape(1, 4, 2, 4, 4); // 4 tokens per frame
      NDArray none = m.zeros(new Shape(1, 8), ai.djl.ndarray.types.DataType.BOOLEAN);
      NDArray all = m.ones(new Shape(1, 8), ai.djl.ndarray.types.DataType.BOOLEAN);
      NDArray atZero = velocity(model, m, shape, 0f, new int[3], none, 3);
      NDArray free = velocity(model, m, shape, 0.6f, new int[3], null, 3);
      NDArray maskedNone = velocity(model, m, shape, 0.6f, new int[3], none, 3);
      NDArray maskedAll = velocity(model, m, shape, 0.6f, new int[3], all, 3);
      assertArrayEquals(free.toFloatArray(), maskedNone.toFloatArray(), 1e-6f);
      assertArrayEquals(atZero.toFloatArray(), maskedAll.toFloatArray(), 1e-6f);
      assertTrue(free.sub(maskedAll).abs().max().getFloat() > 1e-3);
    }
  }

  @Test
  void saveThenLoadReproducesOutputsBitExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.safetensors");
    Shape shape = new Shape(2, 4, 3, 4, 8);
    float[] expected;
    try (TinyModel saved = new TinyModel(5).randomize(0.2)) {
      try (Step step = Step.open(saved.params)) {
        expected = velocity(saved, step.manager(), shape, 0.3f, new int[3], null, 9).toFloatArray();
      }
      saved.params.save(file);
    }
    try (TinyModel loaded = new TinyModel(6)) {
      loaded.params.load(file);
      try (Step step = Step.open(loaded.params)) {
        float[] actual =
            velocity(loaded, step.manager(), shape, 0.3f, new int[3], null, 9).toFloatArray();
        assertArrayEquals(expected, actual);
      }
    }
  }

  @Test
  void configsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DitConfig(30, 2, 4, 4, new Patchifier(1, 2, 2), 4, 32, 32),
        "width not divisible by heads");
    assertThrows(
        IllegalArgumentException.class,
        () -> new DitConfig(24, 2, 4, 4, new Patchifier(1, 2, 2), 4, 32, 32),
        "head dim 6 is too small for 3D rotary positions");
    assertEquals(64, DitConfig.DEFAULT.tokenSize());
    assertEquals(48, DitConfig.DEFAULT.headDim());
  }
}
