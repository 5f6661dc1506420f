package ai.kinora.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import ai.kinora.nn.Activations;
import ai.kinora.nn.Linear;

/**
 * The conditioning vector of adaLN, per token. Noisy tokens are conditioned on the sample's
 * timestep t, clean conditioning tokens on timestep 0, so a clean frame looks clean to the model
 * (per-token timesteps, as LTX-Video does). Since the mask is binary, only two vectors per sample
 * exist; each block projects both and selects per token, so the cost stays per sample.
 *
 * @param noisy (B, D): timestep t plus pooled text
 * @param clean (B, D): timestep 0 plus pooled text, or null when no token is conditioned
 * @param mask (B, N) boolean, true for clean tokens, or null
 */
record Modulation(NDArray noisy, NDArray clean, NDArray mask) {

  /** {@code adaLN}(SiLU(c)) for every token, split in {@code chunks}: each (B, 1 or N, D). */
  NDArray[] project(Linear adaLN, int chunks) {
    NDArray free = adaLN.forward(Activations.silu(noisy)).expandDims(1); // (B, 1, kD)
    if (mask == null) {
      return free.split(chunks, 2).toArray(new NDArray[0]); // k x (B, 1, D)
    }
    NDArray held = adaLN.forward(Activations.silu(clean)).expandDims(1); // (B, 1, kD)
    Shape full = new Shape(mask.getShape().get(0), mask.getShape().get(1), free.getShape().get(2));
    NDArray perToken =
        NDArrays.where(
            mask.expandDims(2).broadcast(full), held.broadcast(full), free.broadcast(full));
    return perToken.split(chunks, 2).toArray(new NDArray[0]); // k x (B, N, D)
  }

  /** x * (1 + scale) + shift, as DiT modulates normalised tokens. */
  static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
    return x.mul(scale.add(1)).add(shift); // (B, N, D)
  }
}
