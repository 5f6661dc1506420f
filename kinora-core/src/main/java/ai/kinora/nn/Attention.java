package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head self-attention (Vaswani et al. 2017) composed from matmul and softmax, since DJL has
 * no fused attention; docs/nn-notes.md records what a fused kernel would save.
 */
public final class Attention implements Layer {

  private final int dim;
  private final int heads;
  private final Linear qkv;
  private final Linear proj;

  public Attention(Namespace ns, int dim, int heads) {
    if (heads <= 0 || dim <= 0 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "attention needs dim divisible by heads, got " + dim + "/" + heads);
    }
    this.dim = dim;
    this.heads = heads;
    this.qkv = new Linear(ns.child("qkv"), dim, 3 * dim, true);
    this.proj = new Linear(ns.child("proj"), dim, dim, true);
  }

  /** (B, N, D) to (B, N, D): every token attends to every token. */
  @Override
  public NDArray forward(NDArray x) {
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
    NDArray out = scaledDotProduct(qkvHeads.get(0), qkvHeads.get(1), qkvHeads.get(2)); // (B,H,N,Dh)
    return proj.forward(out.transpose(0, 2, 1, 3).reshape(b, n, dim)); // (B, N, D)
  }

  /**
   * softmax(q k^T / sqrt(Dh)) v for q (..., Nq, Dh), k and v (..., Nk, Dh); the reference that any
   * fused path must match.
   */
  public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v) {
    long headDim = q.getShape().getLastDimension();
    int last = q.getShape().dimension() - 1;
    NDArray scores =
        q.mul(1.0 / Math.sqrt(headDim)).matMul(k.swapAxes(last - 1, last)); // (..,Nq,Nk)
    return scores.softmax(last).matMul(v); // (..., Nq, Dh)
  }
}
