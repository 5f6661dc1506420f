package ai.kinora.vae;

import ai.djl.ndarray.NDArray;

/**
 * The encoder's diagonal Gaussian over raw latents, N(mean, exp(logVar)), both (B, L, T', h, w)
 * (Kingma and Welling 2014).
 */
public record Posterior(NDArray mean, NDArray logVar) {

  /** A reparameterised draw mean + exp(logVar / 2) * eps, eps from the engine's generator. */
  public NDArray sample() {
    NDArray eps = mean.getManager().randomNormal(mean.getShape()); // (B, L, T', h, w)
    return logVar.mul(0.5).exp().mul(eps).add(mean); // (B, L, T', h, w)
  }

  /** KL(q || N(0, I)) per latent element, averaged over all elements: a scalar. */
  public NDArray klPerElement() {
    // 0.5 * (mean^2 + var - 1 - logVar)
    return mean.square().add(logVar.exp()).sub(1).sub(logVar).mul(0.5).mean();
  }
}
