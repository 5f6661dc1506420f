package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/**
 * The residual block of a causal video VAE: GroupNorm, SiLU, causal conv, twice, plus a skip
 * connection (a 1x1x1 conv when the channel count changes). The convolutions are 3x3x3, or 1x3x3
 * for a block that works frame by frame (cheap at high resolution). Every part is causal in time,
 * so the block is too.
 */
public final class ResBlock3d implements CausalLayer {

  private static final double EPS = 1e-6;

  private final GroupNorm norm1;
  private final CausalConv3d conv1;
  private final GroupNorm norm2;
  private final CausalConv3d conv2;
  private final CausalConv3d skip; // null when in == out

  /** 3x3x3 convolutions. */
  public ResBlock3d(Namespace ns, int in, int out, int groups) {
    this(ns, in, out, groups, 3);
  }

  /** kernelT x 3 x 3 convolutions; kernelT = 1 makes the block per frame. */
  public ResBlock3d(Namespace ns, int in, int out, int groups, int kernelT) {
    this.norm1 = new GroupNorm(ns.child("norm1"), groups, in, EPS);
    this.conv1 =
        new CausalConv3d(ns.child("conv1"), new CausalConv3d.Config(in, out, kernelT, 3, 1, 1));
    this.norm2 = new GroupNorm(ns.child("norm2"), groups, out, EPS);
    this.conv2 =
        new CausalConv3d(ns.child("conv2"), new CausalConv3d.Config(out, out, kernelT, 3, 1, 1));
    this.skip =
        in == out ? null : new CausalConv3d(ns.child("skip"), CausalConv3d.Config.cube(in, out, 1));
  }

  /** (B, in, T, H, W) to (B, out, T, H, W). */
  @Override
  public NDArray forward(NDArray x) {
    NDArray h = conv1.forward(norm1.forwardSilu(x)); // (B, out, T, H, W)
    h = conv2.forward(norm2.forwardSilu(h)); // (B, out, T, H, W)
    NDArray shortcut = skip == null ? x : skip.forward(x); // (B, out, T, H, W)
    return shortcut.add(h);
  }

  /** One chunk of a clip (see {@link CausalCache}); the norms and the skip are per frame. */
  @Override
  public NDArray forward(NDArray x, CausalCache cache) {
    NDArray h = conv1.forward(norm1.forwardSilu(x), cache); // (B, out, T, H, W)
    h = conv2.forward(norm2.forwardSilu(h), cache); // (B, out, T, H, W)
    NDArray shortcut = skip == null ? x : skip.forward(x); // (B, out, T, H, W)
    return shortcut.add(h);
  }

  /** The second convolution, which models may zero-initialise so the block starts as identity. */
  public CausalConv3d conv2() {
    return conv2;
  }
}
