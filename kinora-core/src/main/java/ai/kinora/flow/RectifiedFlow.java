package ai.kinora.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Rectified flow (Liu et al. 2022; Esser et al. 2024, SD3): data x0 and noise e are joined by the
 * straight line x_t = (1 - t) x0 + t e, t in [0, 1], whose velocity dx/dt = e - x0 is what the
 * model learns. Sampling integrates dx/dt = v from t = 1 (noise) to t = 0 (data).
 */
public final class RectifiedFlow {

  private RectifiedFlow() {}

  /**
   * The point x_t between clean tokens x0 (B, N, P) and noise (B, N, P) at per-sample times t (B).
   */
  public static NDArray interpolate(NDArray x0, NDArray noise, NDArray t) {
    NDArray tt = t.reshape(t.getShape().get(0), 1, 1); // (B, 1, 1)
    return x0.mul(tt.neg().add(1)).add(noise.mul(tt)); // (B, N, P)
  }

  /** The velocity target e - x0, (B, N, P). */
  public static NDArray velocity(NDArray x0, NDArray noise) {
    return noise.sub(x0); // (B, N, P)
  }

  /**
   * The mean squared error between predicted and target velocities (B, N, P) over the tokens that
   * are not conditioned ({@code conditionMask} (B, N) true = clean conditioning token, or null):
   * conditioning tokens are given, so there is nothing to learn there. Averaged over every element
   * of the free tokens; at least one token must be free.
   */
  public static NDArray loss(NDArray predicted, NDArray target, NDArray conditionMask) {
    NDArray squared = predicted.sub(target).square(); // (B, N, P)
    if (conditionMask == null) {
      return squared.mean(); // ()
    }
    NDArray free =
        conditionMask.logicalNot().toType(squared.getDataType(), false).expandDims(2); // (B,N,1)
    float freeTokens = free.sum().toType(DataType.FLOAT32, false).getFloat();
    if (freeTokens == 0) {
      throw new IllegalArgumentException("every token is conditioned: nothing to learn");
    }
    long perToken = squared.getShape().get(2);
    return squared.mul(free).sum().div(freeTokens * perToken); // ()
  }

  /**
   * The mean squared error of {@link #loss} with each token's error scaled by {@code tokenWeights}
   * (B, N), non-negative, and the sum divided by the weights' sum (times P), so that weights 0/1
   * are the free-token mask of {@link #loss} and weights only move the loss between tokens.
   */
  public static NDArray weightedLoss(NDArray predicted, NDArray target, NDArray tokenWeights) {
    NDArray squared = predicted.sub(target).square(); // (B, N, P)
    NDArray w = tokenWeights.toType(squared.getDataType(), false).expandDims(2); // (B, N, 1)
    float total = w.sum().toType(DataType.FLOAT32, false).getFloat();
    if (!(total > 0)) {
      throw new IllegalArgumentException("every token has weight 0: nothing to learn");
    }
    long perToken = squared.getShape().get(2);
    return squared.mul(w).sum().div(total * perToken); // ()
  }
}
