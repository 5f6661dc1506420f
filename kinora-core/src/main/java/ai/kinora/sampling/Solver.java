package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;

/**
 * One step of an ODE solver for dx/dt = v, from time t to tNext; stateless, so a run is just the
 * loop in {@link Sampler}.
 */
@FunctionalInterface
public interface Solver {

  /**
   * The state at {@code tNext} from the state {@code x} and its velocity {@code v} at {@code t}.
   */
  NDArray step(NDArray x, NDArray v, double t, double tNext);
}
