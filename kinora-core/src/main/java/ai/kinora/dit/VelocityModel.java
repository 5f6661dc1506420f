package ai.kinora.dit;

import ai.djl.ndarray.NDArray;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEmbedding;

/**
 * What the sampler needs from a denoiser: the velocity of noisy spacetime tokens. The {@link
 * DiffusionTransformer} implements it; tests use analytic fields.
 */
public interface VelocityModel {

  /** How latents become this model's tokens. */
  Patchifier patchifier();

  /**
   * The velocity (B, N, P) at tokens (B, N, P) with coordinates (N, 3) and timesteps t (B); {@code
   * conditionMask} (B, N) boolean marks clean conditioning tokens (timestep 0), or is null when no
   * token is conditioned.
   */
  NDArray forward(
      NDArray tokens, NDArray coords, NDArray t, TextEmbedding text, NDArray conditionMask);
}
