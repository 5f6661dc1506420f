package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Doubles a video spatially and/or in time by nearest-neighbour repetition followed by a causal
 * convolution (3x3x3, or 1x3x3 for a spatial-only upsample that works frame by frame), which may
 * also change the channel count; nearest-then-conv avoids the checkerboard artefacts of transposed
 * convolutions, which DJL lacks anyway.
 *
 * <p>In time it mirrors {@link Downsample}: 1 + k frames become 1 + 2k. Every frame is repeated
 * twice and the first copy of frame 0 is dropped, so latent frame 0 decodes to exactly one frame
 * and each later latent frame to two; output frame j then depends on latent frames up to ceil(j /
 * 2) only, so the decoder stays causal and an image stays one frame.
 */
public final class Upsample implements CausalLayer {

  private final boolean temporal;
  private final boolean spatial;
  private final CausalConv3d conv;

  /** Same channels in and out, 3x3x3 kernel. */
  public Upsample(Namespace ns, int channels, boolean temporal, boolean spatial) {
    this(ns, channels, channels, temporal, spatial, 3);
  }

  public Upsample(Namespace ns, int in, int out, boolean temporal, boolean spatial, int kernelT) {
    if (!temporal && !spatial) {
      throw new IllegalArgumentException("an upsample doubles time, space or both");
    }
    if (temporal && kernelT < 2) {
      // Repeated frames would stay identical pairs: the convolution must mix neighbours in time.
      throw new IllegalArgumentException("a temporal upsample needs kernelT >= 2, got " + kernelT);
    }
    this.temporal = temporal;
    this.spatial = spatial;
    this.conv =
        new CausalConv3d(ns.child("conv"), new CausalConv3d.Config(in, out, kernelT, 3, 1, 1));
  }

  /** (B, in, T, H, W) to (B, out, 2T - 1 or T, 2H or H, 2W or W). */
  @Override
  public NDArray forward(NDArray x) {
    return conv.forward(repeat(x, true)); // (B, out, T', H', W')
  }

  /**
   * One chunk of a clip (see {@link CausalCache}): only the clip's first chunk drops the first copy
   * of its first frame, so a later chunk of T frames becomes 2T frames.
   */
  @Override
  public NDArray forward(NDArray x, CausalCache cache) {
    boolean first = !cache.started(this);
    cache.markStarted(this);
    return conv.forward(repeat(x, first), cache); // (B, out, T', H', W')
  }

  private NDArray repeat(NDArray x, boolean firstChunk) {
    Shape s = x.getShape();
    if (s.dimension() != 5) {
      throw new IllegalArgumentException("upsample needs (B, C, T, H, W), got " + s);
    }
    NDArray y = x;
    if (temporal) {
      y = y.repeat(2, 2); // (B, C, 2T, H, W)
      if (firstChunk) {
        y = y.get(new NDIndex(":, :, 1:")); // (B, C, 2T - 1, H, W)
      }
    }
    if (spatial) {
      y = y.repeat(3, 2).repeat(4, 2); // (B, C, T', 2H, 2W)
    }
    return y;
  }
}
