package ai.kinora.nn;

import ai.djl.ndarray.NDArray;

/**
 * The residual block of a causal video VAE: GroupNorm, SiLU, causal 3x3x3 conv, twice, plus a skip
 * connection (a 1x1x1 conv when the channel count changes). Every part is causal in time, so the
 * block is too.
 */
public final class ResBlock3d implements Layer {

  private static final double EPS = 1e-6;

  private final GroupNorm norm1;
  private final CausalConv3d conv1;
  private final GroupNorm norm2;
  private final CausalConv3d conv2;
  private final CausalConv3d skip; // null when in == out

  public ResBlock3d(Namespace ns, int in, int out, int groups) {
    this.norm1 = new GroupNorm(ns.child("norm1"), groups, in, EPS);
    this.conv1 = new CausalConv3d(ns.child("conv1"), CausalConv3d.Config.cube(in, out, 3));
    this.norm2 = new GroupNorm(ns.child("norm2"), groups, out, EPS);
    this.conv2 = new CausalConv3d(ns.child("conv2"), CausalConv3d.Config.cube(out, out, 3));
    this.skip =
        in == out ? null : new CausalConv3d(ns.child("skip"), CausalConv3d.Config.cube(in, out, 1));
  }

  /** (B, in, T, H, W) to (B, out, T, H, W). */
  @Override
  public NDArray forward(NDArray x) {
    NDArray h = conv1.forward(Activations.silu(norm1.forward(x))); // (B, out, T, H, W)
    h = conv2.forward(Activations.silu(norm2.forward(h))); // (B, out, T, H, W)
    NDArray shortcut = skip == null ? x : skip.forward(x); // (B, out, T, H, W)
    return shortcut.add(h);
  }

  /** The second convolution, which models may zero-initialise so the block starts as identity. */
  public CausalConv3d conv2() {
    return conv2;
  }
}
