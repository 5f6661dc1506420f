package ai.kinora.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rectified flow: the path, its velocity, the loss, timestep sampling and pure schedules. */
class FlowTest {

  NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @Test
  void thePathJoinsDataAtZeroAndNoiseAtOneWithConstantVelocity() {
    NDArray x0 = Noise.gaussian(m, new Shape(2, 3, 4), 1);
    NDArray e = Noise.gaussian(m, new Shape(2, 3, 4), 2);
    NDArray t = m.create(new float[] {0f, 1f});
    NDArray xt = RectifiedFlow.interpolate(x0, e, t);
    assertArrayEquals(x0.get("0").toFloatArray(), xt.get("0").toFloatArray());
    assertArrayEquals(e.get("1").toFloatArray(), xt.get("1").toFloatArray());
    // d/dt of the path is e - x0 everywhere: a finite difference between two times.
    NDArray a = RectifiedFlow.interpolate(x0, e, m.create(new float[] {0.25f, 0.25f}));
    NDArray b = RectifiedFlow.interpolate(x0, e, m.create(new float[] {0.75f, 0.75f}));
    assertArrayEquals(
        RectifiedFlow.velocity(x0, e).toFloatArray(), b.sub(a).mul(2).toFloatArray(), 1e-5f);
  }

  @Test
  void theLossIgnoresHeldTokens() {
    NDArray target = m.zeros(new Shape(1, 3, 2));
    NDArray predicted = m.create(new float[] {1, 1, 2, 2, 100, 100}, new Shape(1, 3, 2));
    NDArray mask = m.create(new boolean[] {false, false, true}, new Shape(1, 3));
    assertEquals(2.5f, RectifiedFlow.loss(predicted, target, mask).getFloat(), 1e-6);
    assertEquals(
        (1 + 1 + 4 + 4 + 1e4f + 1e4f) / 6,
        RectifiedFlow.loss(predicted, target, null).getFloat(),
        1e-2);
    NDArray all = m.create(new boolean[] {true, true, true}, new Shape(1, 3));
    assertThrows(IllegalArgumentException.class, () -> RectifiedFlow.loss(predicted, target, all));
  }

  @Test
  void scheduleRunsFromOneToZeroShiftedTowardsNoise() {
    Schedule schedule = Schedule.of(10);
    double[] t = schedule.timesteps(576);
    assertEquals(11, t.length);
    assertEquals(1.0, t[0]);
    assertEquals(0.0, t[10]);
    for (int i = 0; i < 10; i++) {
      assertTrue(t[i] > t[i + 1], "decreasing at " + i);
    }
    double s = TimeShift.FLUX.factor(576);
    assertEquals(Math.exp(0.5 + 0.65 * 320 / 3840), s, 1e-12);
    assertEquals(s * 0.5 / (1 + (s - 1) * 0.5), t[5], 1e-12);
    assertTrue(t[5] > 0.5, "more tokens, more time at high noise");
    assertArrayEquals(t, schedule.timesteps(576), "pure");
    double[] plain = new Schedule(4, TimeShift.NONE).timesteps(576);
    assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0}, plain, 1e-12);
    assertTrue(TimeShift.FLUX.factor(4096) > TimeShift.FLUX.factor(576));
  }

  @Test
  void generationSamplesWithFluxsLineRaisedByAConstant() {
    for (int tokens : new int[] {64, 576, 1008, 4096, 20000}) {
      assertEquals(
          Math.exp(0.55) * TimeShift.FLUX.factor(tokens),
          TimeShift.SAMPLING.factor(tokens),
          1e-9,
          tokens + " tokens");
    }
    assertEquals(3.0, TimeShift.SAMPLING.factor(576), 0.05);
    double[] t = Schedule.sampling(8).timesteps(576);
    double s = TimeShift.SAMPLING.factor(576);
    assertEquals(s * 0.5 / (1 + (s - 1) * 0.5), t[4], 1e-12);
    assertTrue(t[4] > Schedule.of(8).timesteps(576)[4], "more time at high noise than Flux's");
  }

  @Test
  void aScheduleFromALaterStartIsScaledAndAZeroStartIsEmpty() {
    Schedule schedule = new Schedule(4, TimeShift.NONE);
    assertArrayEquals(
        new double[] {0.5, 0.375, 0.25, 0.125, 0}, schedule.timesteps(100, 0.5), 1e-12);
    assertArrayEquals(new double[] {0}, schedule.timesteps(100, 0));
    assertThrows(IllegalArgumentException.class, () -> schedule.timesteps(100, 1.5));
  }

  @Test
  void logitNormalTimesAreInsideTheIntervalAndCentredForMeanZero() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] t = new double[20_000];
    for (int i = 0; i < t.length; i++) {
      t[i] = LogitNormal.STANDARD.draw(rng);
      assertTrue(t[i] > 0 && t[i] < 1);
    }
    Arrays.sort(t);
    assertEquals(0.5, t[t.length / 2], 0.02, "median");
    // sigmoid(+-1) are the 16th and 84th percentiles.
    assertEquals(1 / (1 + Math.exp(1)), t[(int) (0.1587 * t.length)], 0.02);
    assertEquals(1 / (1 + Math.exp(-1)), t[(int) (0.8413 * t.length)], 0.02);
  }

  @Test
  void noiseIsStandardNormalAndSeeded() {
    float[] a = Noise.gaussian(m, new Shape(50_000), 11).toFloatArray();
    assertArrayEquals(a, Noise.gaussian(m, new Shape(50_000), 11).toFloatArray());
    double sum = 0;
    double squares = 0;
    for (float x : a) {
      sum += x;
      squares += x * x;
    }
    assertEquals(0, sum / a.length, 0.02);
    assertEquals(1, squares / a.length, 0.03);
  }
}
