package ai.kinora.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AdamW against hand-computed updates, on a regression it must solve, and across a resume. */
class AdamWTest {

  @TempDir Path dir;
  NDManager base;

  @BeforeEach
  void setUp() {
    base = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    base.close();
  }

  @Test
  void updatesMatchTheAlgorithmComputedByHand() {
    // loss = 0.5 (w - 3)^2 + 0.5 (b - 3)^2 on a 1x1 matrix w (decayed) and a bias b (not decayed)
    try (Parameters params = new Parameters(base, DataType.FLOAT64)) {
      NDArray w = params.create("w", new Shape(1, 1), Init.ONES);
      NDArray b = params.create("b", new Shape(1), Init.ONES);
      AdamW.Config config = new AdamW.Config(0.9, 0.999, 1e-8, 0.1);
      AdamW adam = new AdamW(params, config);
      double lr = 0.1;
      for (int i = 0; i < 3; i++) {
        try (Step step = Step.open(params)) {
          Gradients g =
              step.backward(() -> w.sub(3).square().sum().add(b.sub(3).square().sum()).mul(0.5));
          adam.update(g, lr);
        }
      }
      assertEquals(handAdamW(1, 3, lr, config, true), w.getDouble(0, 0), 1e-12);
      assertEquals(handAdamW(1, 3, lr, config, false), b.getDouble(0), 1e-12);
      assertEquals(3, adam.stepCount());
      // a sanity anchor for the reference itself: the first update moves w from 0.99 by ~lr
      assertEquals(1.09, handAdamW(1, 1, lr, config, true), 1e-7);
    }
  }

  /** Scalar AdamW on 0.5 (p - 3)^2, written out as in the paper (Algorithm 2, PyTorch form). */
  static double handAdamW(double p, int steps, double lr, AdamW.Config c, boolean decay) {
    double m = 0;
    double v = 0;
    for (int t = 1; t <= steps; t++) {
      double g = p - 3;
      if (decay) {
        p -= lr * c.weightDecay() * p;
      }
      m = c.beta1() * m + (1 - c.beta1()) * g;
      v = c.beta2() * v + (1 - c.beta2()) * g * g;
      double mHat = m / (1 - Math.pow(c.beta1(), t));
      double vHat = v / (1 - Math.pow(c.beta2(), t));
      p -= lr * mHat / (Math.sqrt(vHat) + c.eps());
    }
    return p;
  }

  /** 64 fixed points whose three columns are linearly independent, so the fit is unique. */
  static final float[] FEATURES = new float[192];

  static {
    double[] frequency = {0.37, 1.1, 2.3};
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 3; j++) {
        FEATURES[i * 3 + j] = (float) Math.sin(i * frequency[j] + j);
      }
    }
  }

  /** y = x . (2, -1, 0.5) + 0.3, fit by a Linear(3, 1). */
  static double trainRegression(
      Parameters params, Linear model, AdamW adam, Ema ema, int from, int to) {
    LrSchedule schedule = LrSchedule.cosine(0.05, 10, 300, 0.005);
    double loss = Double.NaN;
    for (int i = from; i < to; i++) {
      try (Step step = Step.open(params)) {
        NDManager m = step.manager();
        NDArray x = m.create(FEATURES, new Shape(64, 3));
        NDArray y = x.matMul(m.create(new float[] {2, -1, 0.5f}, new Shape(3, 1))).add(0.3f);
        Gradients g = step.backward(() -> model.forward(x).sub(y).square().mean());
        loss = g.lossValue();
        adam.update(g, schedule.at(i));
        ema.update(i);
      }
    }
    return loss;
  }

  @Test
  void aTinyLinearRegressionConverges() {
    NnTesting.seed(5);
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      Linear model = new Linear(params.root().child("fc"), 3, 1, true);
      AdamW adam = new AdamW(params, new AdamW.Config(0.9, 0.999, 1e-8, 0));
      Ema ema = new Ema(params, 0.9);
      double first = trainRegression(params, model, adam, ema, 0, 1);
      double last = trainRegression(params, model, adam, ema, 1, 300);
      assertTrue(first > 0.1, "the problem starts unsolved, loss " + first);
      assertTrue(last < 1e-4, "loss after 300 steps " + last);
      assertArrayEquals(new float[] {2, -1, 0.5f}, model.weight().toFloatArray(), 0.02f);
      assertEquals(0.3, model.bias().getFloat(0), 0.02);
      // the average trails the parameters but has converged too
      assertArrayEquals(new float[] {2, -1, 0.5f}, ema.get("fc.weight").toFloatArray(), 0.05f);
    }
  }

  @Test
  void resumingFromACheckpointContinuesExactlyAsWithoutStopping() throws Exception {
    NnTesting.seed(9);
    float[] straight;
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      Linear model = new Linear(params.root().child("fc"), 3, 1, true);
      AdamW adam = new AdamW(params, AdamW.Config.defaults());
      Ema ema = new Ema(params, 0.9);
      params.save(dir.resolve("init.safetensors"));
      trainRegression(params, model, adam, ema, 0, 20);
      straight = model.weight().toFloatArray();
    }
    try (Parameters first = new Parameters(base, DataType.FLOAT32)) {
      Linear model = new Linear(first.root().child("fc"), 3, 1, true);
      AdamW adam = new AdamW(first, AdamW.Config.defaults());
      Ema ema = new Ema(first, 0.9);
      first.load(dir.resolve("init.safetensors"));
      trainRegression(first, model, adam, ema, 0, 10);
      first.save(dir.resolve("half.safetensors"));
    }
    try (Parameters resumed = new Parameters(base, DataType.FLOAT32)) {
      Linear model = new Linear(resumed.root().child("fc"), 3, 1, true);
      AdamW adam = new AdamW(resumed, AdamW.Config.defaults());
      Ema ema = new Ema(resumed, 0.9);
      resumed.load(dir.resolve("half.safetensors"));
      assertEquals(10, adam.stepCount());
      trainRegression(resumed, model, adam, ema, 10, 20);
      assertArrayEquals(straight, model.weight().toFloatArray(), 0f);
    }
  }

  @Test
  void emaFollowsItsDefinitionAndSavesAsModelWeights() throws Exception {
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      NDArray p = params.create("p", new Shape(2), Init.ONES);
      Ema ema = new Ema(params, 0.75);
      assertThrows(IllegalStateException.class, () -> ema.update(1000));
      assertEquals(0.1, ema.decayAt(0), 1e-12); // warm-up: (1 + n) / (10 + n)
      assertEquals(0.75, ema.decayAt(1000), 1e-12); // capped at the decay
      p.set(new float[] {5, -3});
      try (Step step = Step.open(params)) {
        ema.update(1000);
      }
      assertArrayEquals(new float[] {2, 0}, ema.get("p").toFloatArray(), 1e-6f);
      ema.saveWeights(dir.resolve("ema.safetensors"));
      try (Parameters model = new Parameters(base, DataType.FLOAT32)) {
        NDArray loaded = model.create("p", new Shape(2), Init.ZEROS);
        model.load(dir.resolve("ema.safetensors"));
        assertArrayEquals(new float[] {2, 0}, loaded.toFloatArray(), 0f);
      }
      ema.copyToParameters();
      assertArrayEquals(new float[] {2, 0}, p.toFloatArray(), 0f);
    }
  }

  @Test
  void updatesOutsideAStepAreRefused() {
    try (Parameters params = new Parameters(base, DataType.FLOAT32)) {
      NDArray p = params.create("p", new Shape(1), Init.ONES);
      AdamW adam = new AdamW(params, AdamW.Config.defaults());
      Gradients g;
      try (Step step = Step.open(params)) {
        g = step.backward(() -> p.sum());
      }
      assertThrows(IllegalStateException.class, () -> adam.update(g, 0.1));
    }
  }
}
