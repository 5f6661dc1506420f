package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Halves a video spatially and/or in time with a strided 3x3x3 causal convolution. In time it maps
 * 1 + 2k frames to 1 + k, so two of them take 1 + 4k frames to 1 + k latent frames and an image
 * stays one frame; the first output frame depends on the first input frame alone.
 */
public final class Downsample implements Layer {

  private final boolean temporal;
  private final boolean spatial;
  private final CausalConv3d conv;

  public Downsample(Namespace ns, int channels, boolean temporal, boolean spatial) {
    if (!temporal && !spatial) {
      throw new IllegalArgumentException("a downsample halves time, space or both");
    }
    this.temporal = temporal;
    this.spatial = spatial;
    this.conv =
        new CausalConv3d(
            ns.child("conv"),
            CausalConv3d.Config.cube(channels, channels, 3)
                .withStride(temporal ? 2 : 1, spatial ? 2 : 1));
  }

  /** (B, C, T, H, W) to (B, C, T', H/2 or H, W/2 or W), T' = (T + 1) / 2 when temporal. */
  @Override
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() == 5 && temporal && s.get(2) % 2 == 0) {
      throw new IllegalArgumentException(
          "temporal downsampling needs 1 + 2k frames (1 + 4k at the input), got " + s.get(2));
    }
    if (s.dimension() == 5 && spatial && (s.get(3) % 2 != 0 || s.get(4) % 2 != 0)) {
      throw new IllegalArgumentException(
          "spatial downsampling needs even height and width, got " + s.get(3) + "x" + s.get(4));
    }
    return conv.forward(x); // (B, C, T', H', W')
  }
}
