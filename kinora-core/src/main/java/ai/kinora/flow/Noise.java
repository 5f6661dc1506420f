package ai.kinora.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Standard normal noise drawn on the host from a seeded {@link SplittableRandom} (Box-Muller), so
 * that a seed gives the same noise on every run and engine, independent of the engine's global
 * random state.
 */
public final class Noise {

  private Noise() {}

  /** One standard normal draw. */
  public static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble(); // (0, 1], so the log is finite
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An array of {@code shape} filled with standard normal draws, in row-major order. */
  public static NDArray gaussian(NDManager manager, Shape shape, SplittableRandom rng) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) gaussian(rng);
    }
    return manager.create(values, shape);
  }

  /** The noise of seed {@code seed}. */
  public static NDArray gaussian(NDManager manager, Shape shape, long seed) {
    return gaussian(manager, shape, new SplittableRandom(seed));
  }
}
