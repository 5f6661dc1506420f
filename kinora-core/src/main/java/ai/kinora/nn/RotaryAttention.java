package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head self-attention over all tokens with 3D rotary positions ({@link Rope3d}) and RMS-
 * normalised queries and keys (QK-norm, as in SD3 and Flux), which keeps attention logits bounded
 * when training small models at high learning rates.
 */
public final class RotaryAttention {

  private final int dim;
  private final int heads;
  private final Linear qkv;
  private final RmsNorm queryNorm;
  private final RmsNorm keyNorm;
  private final Linear out;

  public RotaryAttention(Namespace ns, int dim, int heads) {
    if (heads <= 0 || dim <= 0 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "attention needs dim divisible by heads, got " + dim + "/" + heads);
    }
    this.dim = dim;
    this.heads = heads;
    this.qkv = new Linear(ns.child("qkv"), dim, 3 * dim, true);
    this.queryNorm = new RmsNorm(ns.child("q_norm"), dim / heads, 1e-6);
    this.keyNorm = new RmsNorm(ns.child("k_norm"), dim / heads, 1e-6);
    this.out = new Linear(ns.child("out"), dim, dim, true);
  }

  /** (B, N, D) to (B, N, D), rotated by the table of the N tokens' coordinates. */
  public NDArray forward(NDArray x, Rope3d.Table rope) {
    Shape s = x.getShape();
    if (s.dimension() != 3 || s.get(2) != dim) {
      throw new IllegalArgumentException("attention needs (B, N, " + dim + "), got " + s);
    }
    long b = s.get(0);
    long n = s.get(1);
    NDArray qkvHeads =
        qkv.forward(x)
            .reshape(b, n, 3, heads, dim / heads)
            .transpose(2, 0, 3, 1, 4); // (3,B,H,N,Dh)
    NDArray q = Rope3d.apply(queryNorm.forward(qkvHeads.get(0)), rope); // (B, H, N, Dh)
    NDArray k = Rope3d.apply(keyNorm.forward(qkvHeads.get(1)), rope); // (B, H, N, Dh)
    NDArray attended = FusedAttention.scaledDotProduct(q, k, qkvHeads.get(2)); // (B, H, N, Dh)
    return out.forward(attended.transpose(0, 2, 1, 3).reshape(b, n, dim)); // (B, N, D)
  }

  public Linear qkv() {
    return qkv;
  }

  public Linear out() {
    return out;
  }
}
