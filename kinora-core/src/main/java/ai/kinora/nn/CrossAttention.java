package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head attention from queries (B, N, D) to a context (B, L, Dc) whose padding is masked, with
 * RMS-normalised queries and keys: the DiT's attention to text tokens, and, with the context equal
 * to the input, the text encoder's self-attention over a padded batch of prompts.
 */
public final class CrossAttention {

  private final int dim;
  private final int contextDim;
  private final int heads;
  private final Linear query;
  private final Linear keyValue;
  private final RmsNorm queryNorm;
  private final RmsNorm keyNorm;
  private final Linear out;

  public CrossAttention(Namespace ns, int dim, int contextDim, int heads) {
    if (heads <= 0 || dim <= 0 || contextDim <= 0 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "attention needs dim divisible by heads, got " + dim + "/" + heads);
    }
    this.dim = dim;
    this.contextDim = contextDim;
    this.heads = heads;
    this.query = new Linear(ns.child("q"), dim, dim, true);
    this.keyValue = new Linear(ns.child("kv"), contextDim, 2 * dim, true);
    this.queryNorm = new RmsNorm(ns.child("q_norm"), dim / heads, 1e-6);
    this.keyNorm = new RmsNorm(ns.child("k_norm"), dim / heads, 1e-6);
    this.out = new Linear(ns.child("out"), dim, dim, true);
  }

  /**
   * (B, N, D) attending to context (B, L, Dc) to (B, N, D); {@code contextMask} (B, L) is true for
   * real context tokens and false for padding, which no query sees.
   */
  public NDArray forward(NDArray x, NDArray context, NDArray contextMask) {
    Shape s = x.getShape();
    Shape c = context.getShape();
    if (s.dimension() != 3 || s.get(2) != dim || c.dimension() != 3 || c.get(2) != contextDim) {
      throw new IllegalArgumentException(
          "cross-attention needs (B, N, "
              + dim
              + ") and (B, L, "
              + contextDim
              + "), got "
              + s
              + " and "
              + c);
    }
    if (!contextMask.getShape().equals(new Shape(c.get(0), c.get(1)))) {
      throw new IllegalArgumentException(
          "context mask must be "
              + new Shape(c.get(0), c.get(1))
              + ", got "
              + contextMask.getShape());
    }
    long b = s.get(0);
    long n = s.get(1);
    long l = c.get(1);
    long dh = dim / heads;
    NDArray q = query.forward(x).reshape(b, n, heads, dh).transpose(0, 2, 1, 3); // (B,H,N,Dh)
    NDArray kv =
        keyValue
            .forward(context)
            .reshape(b, l, 2, heads, dh)
            .transpose(2, 0, 3, 1, 4); // (2,B,H,L,Dh)
    NDArray bias = maskBias(contextMask).reshape(b, 1, 1, l); // (B, 1, 1, L)
    NDArray attended =
        scaledDotProduct(queryNorm.forward(q), keyNorm.forward(kv.get(0)), kv.get(1), bias);
    return out.forward(attended.transpose(0, 2, 1, 3).reshape(b, n, dim)); // (B, N, D)
  }

  /** 0 where the mask is true, -1e9 where it is false; (B, L) float. */
  static NDArray maskBias(NDArray mask) {
    return mask.toType(DataType.FLOAT32, false).sub(1).mul(1e9f); // (B, L)
  }

  /**
   * softmax(q k^T / sqrt(Dh) + bias) v, with an additive bias broadcast to (..., Nq, Nk); {@link
   * Attention#scaledDotProduct} with a mask.
   */
  public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v, NDArray bias) {
    long headDim = q.getShape().getLastDimension();
    int last = q.getShape().dimension() - 1;
    NDArray scores =
        q.mul(1.0 / Math.sqrt(headDim)).matMul(k.swapAxes(last - 1, last)).add(bias); // (..,Nq,Nk)
    return scores.softmax(last).matMul(v); // (..., Nq, Dh)
  }

  public Linear query() {
    return query;
  }

  public Linear keyValue() {
    return keyValue;
  }

  public Linear out() {
    return out;
  }
}
