package ai.kinora.dit;

import ai.djl.ndarray.NDArray;
import ai.kinora.nn.CrossAttention;
import ai.kinora.nn.LayerNorm;
import ai.kinora.nn.Linear;
import ai.kinora.nn.Mlp;
import ai.kinora.nn.Namespace;
import ai.kinora.nn.Rope3d;
import ai.kinora.nn.RotaryAttention;
import ai.kinora.text.TextEmbedding;

/**
 * One DiT block (Peebles and Xie 2023) with text cross-attention (PixArt-alpha): adaLN-Zero
 * modulated self-attention over all spacetime tokens with 3D rotary positions, cross-attention to
 * the text tokens, and an adaLN-Zero modulated MLP.
 */
public final class DitBlock {

  private final LayerNorm norm1;
  private final RotaryAttention attention;
  private final LayerNorm norm2;
  private final CrossAttention crossAttention;
  private final LayerNorm norm3;
  private final Mlp mlp;
  private final Linear adaLN;

  DitBlock(Namespace ns, DitConfig config) {
    int d = config.width();
    this.norm1 = new LayerNorm(ns.child("norm1"), d, 1e-6, false);
    this.attention = new RotaryAttention(ns.child("attention"), d, config.heads());
    this.norm2 = new LayerNorm(ns.child("norm2"), d, 1e-6, true);
    this.crossAttention =
        new CrossAttention(ns.child("cross_attention"), d, config.textWidth(), config.heads());
    this.norm3 = new LayerNorm(ns.child("norm3"), d, 1e-6, false);
    this.mlp = new Mlp(ns.child("mlp"), d, config.mlpRatio() * d);
    this.adaLN = new Linear(ns.child("ada_ln"), d, 6 * d, true);
  }

  /** (B, N, D) to (B, N, D). */
  NDArray forward(NDArray x, Modulation c, Rope3d.Table rope, TextEmbedding text) {
    NDArray[] m = c.project(adaLN, 6); // 6 x (B, 1 or N, D)
    NDArray shiftAttention = m[0];
    NDArray scaleAttention = m[1];
    NDArray gateAttention = m[2];
    NDArray shiftMlp = m[3];
    NDArray scaleMlp = m[4];
    NDArray gateMlp = m[5];
    NDArray h = Modulation.modulate(norm1.forward(x), shiftAttention, scaleAttention); // (B,N,D)
    x = x.add(gateAttention.mul(attention.forward(h, rope))); // (B, N, D)
    x = x.add(crossAttention.forward(norm2.forward(x), text.tokens(), text.mask())); // (B,N,D)
    h = Modulation.modulate(norm3.forward(x), shiftMlp, scaleMlp); // (B, N, D)
    return x.add(gateMlp.mul(mlp.forward(h))); // (B, N, D)
  }

  RotaryAttention attention() {
    return attention;
  }

  CrossAttention crossAttention() {
    return crossAttention;
  }

  Mlp mlp() {
    return mlp;
  }

  Linear adaLN() {
    return adaLN;
  }
}
