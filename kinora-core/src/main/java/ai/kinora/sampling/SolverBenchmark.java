package ai.kinora.sampling;

import ai.kinora.flow.Noise;
import ai.kinora.flow.Schedule;
import ai.kinora.flow.TimeShift;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * Does a second-order solver pay? Euler against Heun at the same number of velocity evaluations, on
 * a field whose flow is known exactly: the rectified-flow velocity of data made of K points in d
 * dimensions (what a model that fits its training set perfectly predicts), v(x, t) = (x - E[x0 |
 * x_t = x]) / t. Reports each solver's RMS distance to a 2,000-step reference and to the nearest
 * data point. Heun's last step (to t = 0, where the field is singular) is an Euler step, as in EDM.
 * Run with {@code java -cp ... ai.kinora.sampling.SolverBenchmark}; results are in
 * docs/dit-notes.md.
 */
public final class SolverBenchmark {

  private static final int DIM = 64;
  private static final int POINTS = 16;
  private static final int SEEDS = 300;

  private final double[][] data;

  private SolverBenchmark(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    data = new double[POINTS][DIM];
    for (double[] point : data) {
      for (int i = 0; i < DIM; i++) {
        point[i] = Noise.gaussian(rng);
      }
    }
  }

  public static void main(String[] args) {
    PrintStream out = System.out;
    SolverBenchmark field = new SolverBenchmark(1);
    for (TimeShift shift : new TimeShift[] {TimeShift.FLUX, TimeShift.NONE}) {
      for (int evaluations : new int[] {6, 8, 10, 12, 16, 20}) {
        field.compare(shift, evaluations, out);
      }
    }
  }

  void compare(TimeShift shift, int evaluations, PrintStream out) {
    SplittableRandom rng = new SplittableRandom(evaluations);
    int heunSteps = (evaluations + 1) / 2; // 2 evaluations a step, 1 for the last
    double[] reference = new Schedule(2000, shift).timesteps(576);
    double[] eulerGrid = new Schedule(evaluations, shift).timesteps(576);
    double[] heunGrid = new Schedule(heunSteps, shift).timesteps(576);
    double eulerError = 0;
    double heunError = 0;
    double eulerOff = 0;
    double heunOff = 0;
    for (int s = 0; s < SEEDS; s++) {
      double[] noise = new double[DIM];
      for (int i = 0; i < DIM; i++) {
        noise[i] = Noise.gaussian(rng);
      }
      double[] exact = euler(noise, reference);
      double[] e = euler(noise, eulerGrid);
      double[] h = heun(noise, heunGrid);
      eulerError += rms(e, exact) / SEEDS;
      heunError += rms(h, exact) / SEEDS;
      eulerOff += nearest(e) / SEEDS;
      heunOff += nearest(h) / SEEDS;
    }
    out.printf(
        "shift %.2f, %2d evaluations: Euler error %.4f (off data %.4f) | Heun %d steps error %.4f"
            + " (off data %.4f)%n",
        shift.factor(576), evaluations, eulerError, eulerOff, heunSteps, heunError, heunOff);
  }

  double[] velocity(double[] x, double t) {
    double[] logWeight = new double[POINTS];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < POINTS; k++) {
      double squared = 0;
      for (int i = 0; i < DIM; i++) {
        double r = x[i] - (1 - t) * data[k][i];
        squared += r * r;
      }
      logWeight[k] = -squared / (2 * t * t);
      max = Math.max(max, logWeight[k]);
    }
    double total = 0;
    double[] weight = new double[POINTS];
    for (int k = 0; k < POINTS; k++) {
      weight[k] = Math.exp(logWeight[k] - max);
      total += weight[k];
    }
    double[] v = new double[DIM];
    for (int i = 0; i < DIM; i++) {
      double mean = 0;
      for (int k = 0; k < POINTS; k++) {
        mean += weight[k] / total * data[k][i];
      }
      v[i] = (x[i] - mean) / t;
    }
    return v;
  }

  double[] euler(double[] start, double[] t) {
    double[] x = start.clone();
    for (int i = 0; i + 1 < t.length; i++) {
      double[] v = velocity(x, t[i]);
      for (int j = 0; j < DIM; j++) {
        x[j] += (t[i + 1] - t[i]) * v[j];
      }
    }
    return x;
  }

  double[] heun(double[] start, double[] t) {
    double[] x = start.clone();
    for (int i = 0; i + 1 < t.length; i++) {
      double dt = t[i + 1] - t[i];
      double[] v = velocity(x, t[i]);
      double[] predicted = new double[DIM];
      for (int j = 0; j < DIM; j++) {
        predicted[j] = x[j] + dt * v[j];
      }
      if (t[i + 1] == 0) {
        x = predicted;
        continue;
      }
      double[] vNext = velocity(predicted, t[i + 1]);
      for (int j = 0; j < DIM; j++) {
        x[j] += dt * 0.5 * (v[j] + vNext[j]);
      }
    }
    return x;
  }

  double nearest(double[] x) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] point : data) {
      best = Math.min(best, rms(x, point));
    }
    return best;
  }

  static double rms(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum / a.length);
  }
}
