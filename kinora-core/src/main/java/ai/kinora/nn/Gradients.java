package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.SequencedMap;

/**
 * A step's loss and the gradient of every trainable parameter by name; the arrays belong to the
 * step and are freed when it closes.
 */
public record Gradients(NDArray loss, SequencedMap<String, NDArray> byName) {

  public Gradients {
    byName = Collections.unmodifiableSequencedMap(byName);
  }

  public double lossValue() {
    return loss.toType(DataType.FLOAT64, false).getDouble();
  }

  public NDArray get(String name) {
    NDArray g = byName.get(name);
    if (g == null) {
      throw new IllegalArgumentException("no gradient for \"" + name + "\"");
    }
    return g;
  }

  /**
   * Whether every gradient is free of NaN and infinity: one sum per tensor (NaN and infinity
   * survive a sum), without the copies {@link #globalNorm} makes.
   */
  public boolean allFinite() {
    double total = 0;
    for (NDArray g : byName.values()) {
      total += g.sum().toType(DataType.FLOAT64, false).getDouble();
    }
    return Double.isFinite(total);
  }

  /** The L2 norm of all gradients taken together. */
  public double globalNorm() {
    double sumSquares = 0;
    for (NDArray g : byName.values()) {
      sumSquares += g.toType(DataType.FLOAT64, false).square().sum().getDouble();
    }
    return Math.sqrt(sumSquares);
  }

  /**
   * Scales all gradients in place so that their global norm is at most {@code maxNorm}; returns the
   * norm before clipping (worth logging: spikes show instability).
   */
  public double clipGlobalNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
    }
    double norm = globalNorm();
    if (norm > maxNorm) {
      double scale = maxNorm / (norm + 1e-6);
      for (NDArray g : byName.values()) {
        g.muli(scale);
      }
    }
    return norm;
  }
}
