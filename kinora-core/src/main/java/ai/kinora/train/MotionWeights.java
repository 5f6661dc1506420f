package ai.kinora.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Per-pixel reconstruction-loss weights that favour what moves. The VAE's measured failure is time:
 * one latent frame stands for four video frames, and a moving object leaves a ghost where it was
 * and a smear where it goes, on a few percent of the pixels, which a plain MSE over mostly still
 * background barely sees. A pixel whose colour changes between two frames at most {@link #SPAN}
 * apart (the span of one latent frame) gets weight 1 + alpha, every other pixel 1: both where an
 * object is and where it was or will be are covered. A still image, or a clip where nothing moves,
 * gets uniform weights.
 */
public final class MotionWeights {

  /** Frames compared on either side: one latent frame's worth. */
  public static final int SPAN = 4;

  /**
   * Change in any channel, on the [-1, 1] scale (about 13 of 255 levels), that counts as motion.
   */
  public static final float THRESHOLD = 0.1f;

  private MotionWeights() {}

  /**
   * Weights (B, 1, T, H, W) for clips {@code x} (B, 3, T, H, W) in [-1, 1]; {@code alpha} 0 gives
   * all ones.
   */
  public static NDArray of(NDArray x, double alpha) {
    Shape s = x.getShape();
    long b = s.get(0);
    long t = s.get(2);
    NDArray moved = x.getManager().zeros(new Shape(b, 1, t, s.get(3), s.get(4))); // (B,1,T,H,W)
    for (int k = 1; k <= Math.min(SPAN, t - 1); k++) {
      NDArray later = x.get(new NDIndex(":, :, {}:", k)); // (B, 3, T-k, H, W)
      NDArray earlier = x.get(new NDIndex(":, :, :{}", t - k)); // (B, 3, T-k, H, W)
      NDArray changed =
          later.sub(earlier).abs().max(new int[] {1}, true).gt(THRESHOLD); // (B,1,T-k,H,W)
      changed = changed.toType(DataType.FLOAT32, false);
      NDArray pad = x.getManager().zeros(new Shape(b, 1, k, s.get(3), s.get(4)));
      NDArray atLater = NDArrays.concat(new NDList(pad, changed), 2); // marks frame t
      NDArray atEarlier = NDArrays.concat(new NDList(changed, pad), 2); // marks frame t-k
      moved = moved.maximum(atLater).maximum(atEarlier);
    }
    return moved.mul((float) alpha).add(1f); // (B, 1, T, H, W)
  }

  /** sum(w · (recon − x)²) / (sum(w) · 3): the weighted mean squared error, a scalar. */
  public static NDArray weightedMse(NDArray recon, NDArray x, NDArray weights) {
    NDArray error = recon.sub(x).square().sum(new int[] {1}, true); // (B, 1, T, H, W)
    return error.mul(weights).sum().div(weights.sum().mul(x.getShape().get(1)));
  }
}
