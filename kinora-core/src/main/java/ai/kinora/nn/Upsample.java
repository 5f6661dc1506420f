package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Doubles a video spatially and/or in time by nearest-neighbour repetition followed by a 3x3x3
 * causal convolution (nearest-then-conv avoids the checkerboard artefacts of transposed
 * convolutions, which DJL lacks anyway).
 *
 * <p>In time it mirrors {@link Downsample}: 1 + k frames become 1 + 2k. Every frame is repeated
 * twice and the first copy of frame 0 is dropped, so latent frame 0 decodes to exactly one frame
 * and each later latent frame to two; output frame j then depends on latent frames up to ceil(j /
 * 2) only, so the decoder stays causal and an image stays one frame.
 */
public final class Upsample implements Layer {

  private final boolean temporal;
  private final boolean spatial;
  private final CausalConv3d conv;

  public Upsample(Namespace ns, int channels, boolean temporal, boolean spatial) {
    if (!temporal && !spatial) {
      throw new IllegalArgumentException("an upsample doubles time, space or both");
    }
    this.temporal = temporal;
    this.spatial = spatial;
    this.conv = new CausalConv3d(ns.child("conv"), CausalConv3d.Config.cube(channels, channels, 3));
  }

  /** (B, C, T, H, W) to (B, C, 2T - 1 or T, 2H or H, 2W or W). */
  @Override
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() != 5) {
      throw new IllegalArgumentException("upsample needs (B, C, T, H, W), got " + s);
    }
    NDArray y = x;
    if (temporal) {
      y = y.repeat(2, 2).get(new NDIndex(":, :, 1:")); // (B, C, 2T - 1, H, W)
    }
    if (spatial) {
      y = y.repeat(3, 2).repeat(4, 2); // (B, C, T', 2H, 2W)
    }
    return conv.forward(y); // (B, C, T', H', W')
  }
}
