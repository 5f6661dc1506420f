package ai.kinora.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.TinyModel;
import ai.kinora.dit.VelocityModel;
import ai.kinora.flow.Noise;
import ai.kinora.flow.Schedule;
import ai.kinora.nn.Precision;
import ai.kinora.nn.Step;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEmbedding;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one loop: solver oracle, guidance, every conditioning kept, seeds. */
class SamplerTest {

  static final Patchifier PATCH = new Patchifier(1, 2, 2);
  static final Shape VIDEO = new Shape(2, 4, 4, 8, 8); // 4 latent frames of 4x4 tokens

  NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  /** The same velocity everywhere. */
  record ConstantField(NDArray v) implements VelocityModel {
    @Override
    public Patchifier patchifier() {
      return PATCH;
    }

    @Override
    public NDArray forward(
        NDArray tokens, NDArray coords, NDArray t, TextEmbedding text, NDArray mask) {
      return tokens.zerosLike().add(v);
    }
  }

  /** A velocity that is the sum of the pooled text vector, so guidance is easy to compute. */
  record TextField() implements VelocityModel {
    @Override
    public Patchifier patchifier() {
      return PATCH;
    }

    @Override
    public NDArray forward(
        NDArray tokens, NDArray coords, NDArray t, TextEmbedding text, NDArray mask) {
      NDArray perSample = text.pooled().sum(new int[] {1}).reshape(-1, 1, 1); // (B, 1, 1)
      return tokens.zerosLike().add(perSample);
    }
  }

  TextEmbedding text(float... perPrompt) {
    NDArray tokens = m.create(perPrompt).reshape(perPrompt.length, 1, 1).repeat(2, 3); // (B,1,3)
    return new TextEmbedding(tokens, m.ones(new Shape(perPrompt.length, 1), DataType.BOOLEAN));
  }

  @Test
  void anEulerStepIsXPlusDtTimesV() {
    NDArray x = Noise.gaussian(m, new Shape(2, 5, 3), 1);
    NDArray v = Noise.gaussian(m, new Shape(2, 5, 3), 2);
    float[] expected = x.toFloatArray();
    float[] vs = v.toFloatArray();
    for (int i = 0; i < expected.length; i++) {
      expected[i] += (float) (0.3 - 0.7) * vs[i];
    }
    assertArrayEquals(expected, new EulerSolver().step(x, v, 0.7, 0.3).toFloatArray());
  }

  @Test
  void aConstantVelocityFieldTakesNoiseToNoiseMinusV() {
    Shape shape = new Shape(1, 4, 3, 4, 6);
    NDArray v = Noise.gaussian(m, new Shape(1, 18, 16), 5);
    NDArray out =
        Sampler.sample(
            m,
            new ConstantField(v),
            text(1),
            shape,
            new Conditioning.None(),
            Schedule.of(7),
            new EulerSolver(),
            Guidance.none(),
            42);
    NDArray expected = Noise.gaussian(m, shape, 42).sub(PATCH.unpatchify(v, shape));
    assertArrayEquals(expected.toFloatArray(), out.toFloatArray(), 1e-5f);
  }

  @Test
  void guidanceOneIsTheConditionalPrediction() {
    NDArray vc = Noise.gaussian(m, new Shape(2, 5, 3), 1);
    NDArray vu = Noise.gaussian(m, new Shape(2, 5, 3), 2);
    assertArrayEquals(vc.toFloatArray(), Guidance.combine(vc, vu, 1).toFloatArray(), 1e-6f);
    try (TinyModel model = new TinyModel(1).randomize(0.2);
        Step step = Step.open(model.params)) {
      TextEmbedding prompt = model.text.encode(List.of("a red circle moves right"));
      TextEmbedding empty = model.text.encode(List.of(""));
      Schedule schedule = Schedule.of(3);
      NDArray plain =
          Sampler.sample(
              step.manager(),
              model.dit,
              prompt,
              VIDEO,
              new Conditioning.None(),
              schedule,
              new EulerSolver(),
              Guidance.none(),
              3);
      NDArray one =
          Sampler.sample(
              step.manager(),
              model.dit,
              prompt,
              VIDEO,
              new Conditioning.None(),
              schedule,
              new EulerSolver(),
              Guidance.of(1, empty),
              3);
      NDArray three =
          Sampler.sample(
              step.manager(),
              model.dit,
              prompt,
              VIDEO,
              new Conditioning.None(),
              schedule,
              new EulerSolver(),
              Guidance.of(3, empty),
              3);
      assertArrayEquals(plain.toFloatArray(), one.toFloatArray());
      assertTrue(plain.sub(three).abs().max().getFloat() > 1e-3);
    }
  }

  @Test
  void guidanceUsesTheNegativePromptInPlaceOfTheEmptyOne() {
    NDArray x = m.zeros(new Shape(1, 16, 16));
    NDArray coords = PATCH.coordinates(m, new Patchifier.Grid(1, 4, 4));
    TextEmbedding prompt = text(2); // v_c = 6
    NDArray a = Guidance.of(3, text(1)).velocity(new TextField(), x, coords, 0.5, prompt, null);
    NDArray b = Guidance.of(3, text(-1)).velocity(new TextField(), x, coords, 0.5, prompt, null);
    assertEquals(3 + 3 * (6 - 3), a.getFloat(0, 0, 0), 1e-5); // v_u = 3
    assertEquals(-3 + 3 * (6 + 3), b.getFloat(0, 0, 0), 1e-5); // v_u = -3
  }

  @Test
  void heldFramesKeepTheirCleanValuesExactly() {
    try (TinyModel model = new TinyModel(2).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager sm = step.manager();
      NDArray given = Noise.gaussian(sm, new Shape(1, 4, 2, 8, 8), 9);
      Conditioning firstAndLast = new Conditioning.Frames(given, List.of(0, -1));
      NDArray out = sample(model, sm, firstAndLast, 2.0, 4);
      for (int b = 0; b < 2; b++) {
        assertArrayEquals(
            given.get("0, :, 0").toFloatArray(), out.get(b + ", :, 0").toFloatArray());
        assertArrayEquals(
            given.get("0, :, 1").toFloatArray(), out.get(b + ", :, 3").toFloatArray());
      }
      assertTrue(out.get(":, :, 1").abs().sum().getFloat() > 0, "free frames are generated");
    }
  }

  @Test
  void aLoopEndsOnItsFirstFrame() {
    try (TinyModel model = new TinyModel(3).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager sm = step.manager();
      NDArray out = sample(model, sm, new Conditioning.Loop(0), 2.0, 5);
      assertArrayEquals(out.get(":, :, 0").toFloatArray(), out.get(":, :, 3").toFloatArray());
      NDArray image = Noise.gaussian(sm, new Shape(1, 4, 1, 8, 8), 4);
      Conditioning animatedLoop =
          new Conditioning.All(
              List.of(new Conditioning.Frames(image, List.of(0)), new Conditioning.Loop(0)));
      NDArray looped = sample(model, sm, animatedLoop, 2.0, 5);
      assertArrayEquals(image.get("0, :, 0").toFloatArray(), looped.get("1, :, 3").toFloatArray());
      Conditioning contradictory =
          new Conditioning.All(
              List.of(new Conditioning.Frames(image, List.of(3)), new Conditioning.Loop(0)));
      assertThrows(IllegalArgumentException.class, () -> sample(model, sm, contradictory, 1, 5));
      NDArray ontoOne = sample(model, sm, new Conditioning.Loop(1), 2.0, 5);
      assertArrayEquals(
          ontoOne.get(":, :, 1").toFloatArray(), ontoOne.get(":, :, 3").toFloatArray());
      assertFalse(
          java.util.Arrays.equals(
              ontoOne.get(":, :, 0").toFloatArray(), ontoOne.get(":, :, 3").toFloatArray()));
      IllegalArgumentException tooShort =
          assertThrows(
              IllegalArgumentException.class,
              () -> sample(model, sm, new Conditioning.Loop(3), 2.0, 5));
      assertTrue(
          tooShort.getMessage().contains("needs at least 5 latent frames"), tooShort.getMessage());
    }
  }

  @Test
  void sdeditAtStrengthZeroReturnsTheSourceAndAtOneIgnoresIt() {
    try (TinyModel model = new TinyModel(4).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager sm = step.manager();
      NDArray source = Noise.gaussian(sm, VIDEO, 8);
      NDArray kept = sample(model, sm, new Conditioning.Edit(source, 0), 2.0, 6);
      assertArrayEquals(source.toFloatArray(), kept.toFloatArray());
      NDArray fresh = sample(model, sm, new Conditioning.Edit(source, 1), 2.0, 6);
      NDArray plain = sample(model, sm, new Conditioning.None(), 2.0, 6);
      assertArrayEquals(plain.toFloatArray(), fresh.toFloatArray());
      NDArray half = sample(model, sm, new Conditioning.Edit(source, 0.5), 2.0, 6);
      double toSource = half.sub(source).square().mean().getFloat();
      double toPlain = half.sub(plain).square().mean().getFloat();
      assertTrue(toSource < toPlain, "a half-strength edit stays nearer its source");
    }
  }

  @Test
  void theSameSeedGivesTheSameLatentsAndAnotherSeedOthers() {
    try (TinyModel model = new TinyModel(5).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager sm = step.manager();
      float[] a = sample(model, sm, new Conditioning.None(), 3.0, 7).toFloatArray();
      float[] b = sample(model, sm, new Conditioning.None(), 3.0, 7).toFloatArray();
      float[] c = sample(model, sm, new Conditioning.None(), 3.0, 8).toFloatArray();
      assertArrayEquals(a, b);
      assertFalse(java.util.Arrays.equals(a, c));
    }
  }

  @Test
  void aBatchOfSeedsGivesEachSeedsOwnSample() {
    try (TinyModel model = new TinyModel(5).randomize(0.2);
        Step step = Step.open(model.params)) {
      NDManager sm = step.manager();
      TextEmbedding prompt = model.text.encode(List.of("a red circle moves right"));
      Guidance guidance = Guidance.of(3, model.text.encode(List.of("")));
      Shape one = new Shape(1).addAll(VIDEO.slice(1));
      Shape three = new Shape(3).addAll(VIDEO.slice(1));
      NDArray batch =
          Sampler.sample(
              sm,
              model.dit,
              prompt,
              three,
              new Conditioning.None(),
              Schedule.of(4),
              new EulerSolver(),
              guidance,
              new long[] {7, 8, 7});
      for (int i = 0; i < 3; i++) {
        NDArray alone =
            Sampler.sample(
                sm,
                model.dit,
                prompt,
                one,
                new Conditioning.None(),
                Schedule.of(4),
                new EulerSolver(),
                guidance,
                i == 1 ? 8 : 7);
        NDArray mine = batch.get(i + ":" + (i + 1));
        assertTrue(
            mine.sub(alone).abs().max().getFloat() < 1e-5,
            "sample " + i + " differs from its seed alone by " + mine.sub(alone).abs().max());
      }
      assertTrue(batch.get("0:1").sub(batch.get("1:2")).abs().max().getFloat() > 0.1);
    }
  }

  @Test
  void memoryDoesNotGrowWithTheSteps() {
    for (Precision precision : Precision.values()) {
      try (Precision.Scope p = Precision.use(precision);
          TinyModel model = new TinyModel(6).randomize(0.2);
          Step step = Step.open(model.params)) {
        NDManager sm = step.manager();
        sample(model, sm, new Conditioning.None(), 2.0, 1); // warm up
        int before = sm.getManagedArrays().size();
        sample(model, sm, new Conditioning.None(), 2.0, 1, 3);
        int few = sm.getManagedArrays().size() - before;
        before = sm.getManagedArrays().size();
        sample(model, sm, new Conditioning.None(), 2.0, 1, 12);
        int many = sm.getManagedArrays().size() - before;
        assertEquals(few, many, "arrays left by 3 and by 12 steps in " + precision);
      }
    }
  }

  @Test
  void badConditionsAreRefusedBeforeAnyStep() {
    NDArray frames = m.zeros(new Shape(1, 4, 1, 8, 8));
    assertThrows(
        IllegalArgumentException.class, () -> compile(new Conditioning.Frames(frames, List.of(4))));
    assertThrows(
        IllegalArgumentException.class,
        () -> compile(new Conditioning.Frames(m.zeros(new Shape(1, 4, 1, 8, 6)), List.of(0))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            compile(
                new Conditioning.All(
                    List.of(
                        new Conditioning.Frames(frames, List.of(0)),
                        new Conditioning.Frames(frames, List.of(-4))))));
    assertThrows(IllegalArgumentException.class, () -> new Conditioning.Edit(frames, 1.5));
    NDArray source = m.zeros(VIDEO);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            compile(
                new Conditioning.All(
                    List.of(
                        new Conditioning.Edit(source, 0.5), new Conditioning.Edit(source, 0.3)))));
  }

  Plan compile(Conditioning c) {
    return c.compile(m, PATCH, VIDEO);
  }

  static NDArray sample(TinyModel model, NDManager sm, Conditioning c, double scale, long seed) {
    return sample(model, sm, c, scale, seed, 4);
  }

  static NDArray sample(
      TinyModel model, NDManager sm, Conditioning c, double scale, long seed, int steps) {
    TextEmbedding prompt = model.text.encode(List.of("a red circle moves right", "blue star"));
    TextEmbedding empty = model.text.encode(List.of(""));
    Guidance guidance = scale == 1 ? Guidance.none() : Guidance.of(scale, empty);
    return Sampler.sample(
        sm, model.dit, prompt, VIDEO, c, Schedule.of(steps), new EulerSolver(), guidance, seed);
  }
}
