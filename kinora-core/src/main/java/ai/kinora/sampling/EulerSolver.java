package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;

/**
 * The Euler step x + (tNext - t) v: exact for the straight paths rectified flow learns, and the
 * solver Flux samples with.
 */
public record EulerSolver() implements Solver {

  @Override
  public NDArray step(NDArray x, NDArray v, double t, double tNext) {
    return x.add(v.mul((float) (tNext - t))); // (B, N, P)
  }
}
