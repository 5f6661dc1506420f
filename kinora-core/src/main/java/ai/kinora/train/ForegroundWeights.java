package ai.kinora.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Per-token loss weights that favour foreground objects. Kinora World's objects are small (a
 * "small" circle covers about 1% of the latent tokens of a 128x128 clip), so in a plain MSE the
 * background, which the model learns early, outweighs them a hundredfold. A token's distance from
 * its clip's mean latent, relative to the clip's mean distance, finds them without labels: a token
 * at or beyond the mean distance gets weight 1 + alpha, a token at the mean latent weight 1, with a
 * linear ramp between; textured clips (stars, snow) come out near uniform.
 */
public final class ForegroundWeights {

  private ForegroundWeights() {}

  /** Weights (B, N) for clean tokens {@code x0} (B, N, P); {@code alpha} 0 gives all ones. */
  public static NDArray of(NDArray x0, double alpha) {
    NDArray centre = x0.mean(new int[] {1}, true); // (B, 1, P)
    NDArray distance = x0.sub(centre).square().mean(new int[] {2}); // (B, N)
    NDArray typical = distance.mean(new int[] {1}, true).add(1e-6f); // (B, 1)
    NDArray relative = distance.div(typical).minimum(1f); // (B, N) in [0, 1]
    return relative.mul((float) alpha).add(1f).toType(DataType.FLOAT32, false); // (B, N)
  }
}
