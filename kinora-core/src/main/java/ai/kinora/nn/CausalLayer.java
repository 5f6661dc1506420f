package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/**
 * A layer over videos (B, C, T, H, W) that is causal in time and can also run chunk by chunk: the
 * chunks' outputs, concatenated in time, equal the output for the whole clip (see {@link
 * CausalCache}).
 */
public interface CausalLayer extends Layer {

  /** One chunk of a clip; {@code cache} carries what the previous chunks left for this one. */
  NDArray forward(NDArray x, CausalCache cache);

  /** The whole clip when {@code cache} is null, else one chunk of it. */
  static NDArray apply(CausalLayer layer, NDArray x, CausalCache cache) {
    return cache == null ? layer.forward(x) : layer.forward(x, cache);
  }
}
