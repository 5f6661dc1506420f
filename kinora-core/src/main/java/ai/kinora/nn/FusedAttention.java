package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * PyTorch's fused {@code scaled_dot_product_attention}, which DJL does not expose, reached through
 * a one-line TorchScript module ({@link TorchScriptOp}). On this CPU it is about twice as fast as
 * the composed {@link Attention#scaledDotProduct}, the reference it is tested against, and never
 * materialises the (N, N) score matrix.
 */
public final class FusedAttention {

  static final TorchScriptOp SDPA =
      new TorchScriptOp(
          "kinora_sdpa",
          "Sdpa",
          List.of("q: Tensor", "k: Tensor", "v: Tensor"),
          List.of("return torch.scaled_dot_product_attention(q, k, v)"));

  private FusedAttention() {}

  /** softmax(q k^T / sqrt(Dh)) v for q, k, v (B, H, N, Dh); differentiable. */
  public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v) {
    return SDPA.apply(q, k, v); // (B, H, N, Dh)
  }
}
