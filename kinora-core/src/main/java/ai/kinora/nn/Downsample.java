package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Halves a video spatially and/or in time with a strided causal convolution (3x3x3 unless a
 * spatial-only layer asks for a per-frame 1x3x3 kernel). In time it maps 1 + 2k frames to 1 + k, so
 * two of them take 1 + 4k frames to 1 + k latent frames and an image stays one frame; the first
 * output frame depends on the first input frame alone.
 */
public final class Downsample implements CausalLayer {

  private final boolean temporal;
  private final boolean spatial;
  private final CausalConv3d conv;

  /** A 3x3x3 kernel. */
  public Downsample(Namespace ns, int channels, boolean temporal, boolean spatial) {
    this(ns, channels, temporal, spatial, 3);
  }

  /** A kernelT x 3 x 3 kernel; kernelT = 1 makes a spatial-only downsample work frame by frame. */
  public Downsample(Namespace ns, int channels, boolean temporal, boolean spatial, int kernelT) {
    if (!temporal && !spatial) {
      throw new IllegalArgumentException("a downsample halves time, space or both");
    }
    this.temporal = temporal;
    this.spatial = spatial;
    this.conv =
        new CausalConv3d(
            ns.child("conv"),
            new CausalConv3d.Config(
                channels, channels, kernelT, 3, temporal ? 2 : 1, spatial ? 2 : 1));
  }

  /** (B, C, T, H, W) to (B, C, T', H/2 or H, W/2 or W), T' = (T + 1) / 2 when temporal. */
  @Override
  public NDArray forward(NDArray x) {
    check(x, true);
    return conv.forward(x); // (B, C, T', H', W')
  }

  /**
   * One chunk of a clip (see {@link CausalCache}): the first chunk has 1 + 2k frames, later chunks
   * an even number, and T' = T / 2 for them.
   */
  @Override
  public NDArray forward(NDArray x, CausalCache cache) {
    boolean first = !cache.started(conv);
    check(x, first);
    if (!first && temporal && x.getShape().get(2) % 2 != 0) {
      throw new IllegalArgumentException(
          "temporal downsampling of a later chunk needs an even number of frames (a multiple of 4"
              + " at the input), got "
              + x.getShape().get(2));
    }
    return conv.forward(x, cache); // (B, C, T', H', W')
  }

  private void check(NDArray x, boolean firstChunk) {
    Shape s = x.getShape();
    if (s.dimension() == 5 && firstChunk && temporal && s.get(2) % 2 == 0) {
      throw new IllegalArgumentException(
          "temporal downsampling needs 1 + 2k frames (1 + 4k at the input), got " + s.get(2));
    }
    if (s.dimension() == 5 && spatial && (s.get(3) % 2 != 0 || s.get(4) % 2 != 0)) {
      throw new IllegalArgumentException(
          "spatial downsampling needs even height and width, got " + s.get(3) + "x" + s.get(4));
    }
  }
}
