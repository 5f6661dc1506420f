package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.List;
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
   * Whether every gradient is free of NaN and infinity (NaN and infinity survive the norm; so would
   * a gradient so large that its square overflows, which is divergence too).
   */
  public boolean allFinite() {
    return Double.isFinite(globalNorm());
  }

  /** The L2 norm of all gradients taken together. */
  public double globalNorm() {
    return Foreach.norm(List.copyOf(byName.values()));
  }

  /**
   * Scales all gradients in place so that their global norm is at most {@code maxNorm}; returns the
   * norm before clipping (worth logging: spikes show instability). A non-finite norm is returned
   * and nothing is scaled.
   */
  public double clipGlobalNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
    }
    double norm = globalNorm();
    if (Double.isFinite(norm) && norm > maxNorm) {
      Foreach.scale(List.copyOf(byName.values()), maxNorm / (norm + 1e-6));
    }
    return norm;
  }
}
