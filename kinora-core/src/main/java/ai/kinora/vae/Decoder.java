package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.kinora.nn.CausalCache;
import ai.kinora.nn.CausalConv3d;
import ai.kinora.nn.CausalLayer;
import ai.kinora.nn.GroupNorm;
import ai.kinora.nn.Namespace;
import ai.kinora.nn.PixelShuffle;
import ai.kinora.nn.ResBlock3d;
import ai.kinora.nn.Upsample;
import java.util.ArrayList;
import java.util.List;

/**
 * The VAE's decoder, the encoder's mirror: a causal convolution from the latent, residual blocks at
 * each level from the deepest up, with an upsample (nearest repetition, then a causal convolution
 * that also narrows the channels) between levels, then GroupNorm, SiLU, a convolution to 3 p^2
 * channels and depth-to-space to RGB.
 */
final class Decoder {

  private static final double EPS = 1e-6;

  private final VaeConfig config;
  private final CausalConv3d convIn;
  private final List<List<ResBlock3d>> blocks = new ArrayList<>(); // per level, deepest first
  private final List<Upsample> ups = new ArrayList<>(); // between levels, deepest first
  private final GroupNorm normOut;
  private final CausalConv3d convOut;

  Decoder(Namespace ns, VaeConfig config) {
    this.config = config;
    int last = config.levels() - 1;
    int width = config.channels().get(last);
    this.convIn =
        new CausalConv3d(
            ns.child("conv_in"),
            new CausalConv3d.Config(config.latentChannels(), width, config.kernelT(last), 3, 1, 1));
    for (int level = last; level >= 0; level--) {
      Namespace at = ns.child("levels").child(level);
      if (level < last) {
        int out = config.channels().get(level);
        boolean time = config.halvesTime(level);
        ups.add(
            new Upsample(at.child("up"), width, out, time, true, time ? 3 : config.kernelT(level)));
        width = out;
      }
      List<ResBlock3d> levelBlocks = new ArrayList<>();
      for (int b = 0; b < config.decoderBlocks().get(level); b++) {
        levelBlocks.add(
            new ResBlock3d(
                at.child("blocks").child(b), width, width, config.groups(), config.kernelT(level)));
      }
      blocks.add(levelBlocks);
    }
    int p = config.patchSize();
    this.normOut = new GroupNorm(ns.child("norm_out"), config.groups(), width, EPS);
    this.convOut =
        new CausalConv3d(
            ns.child("conv_out"),
            new CausalConv3d.Config(width, 3 * p * p, config.kernelT(0), 3, 1, 1));
  }

  /**
   * Latent (B, L, T', h, w) to video (B, 3, 1 + 4(T' - 1), 8h, 8w), unbounded (train to [-1, 1]).
   */
  NDArray forward(NDArray latent) {
    return run(latent, null);
  }

  /** One chunk of a clip's latent, continuing from {@code cache} (see {@link CausalCache}). */
  NDArray forward(NDArray latent, CausalCache cache) {
    return run(latent, cache);
  }

  private NDArray run(NDArray latent, CausalCache cache) {
    NDArray h = CausalLayer.apply(convIn, latent, cache); // (B, C_last, T', h, w)
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        h = CausalLayer.apply(ups.get(i - 1), h, cache); // (B, C_level, T_level, 2x, 2x)
      }
      for (ResBlock3d block : blocks.get(i)) {
        h = CausalLayer.apply(block, h, cache); // (B, C_level, T_level, H_level, W_level)
      }
    }
    h = normOut.forwardSilu(h); // (B, C0, T, H/p, W/p)
    h = CausalLayer.apply(convOut, h, cache); // (B, 3p^2, T, H/p, W/p)
    return PixelShuffle.depthToSpace(h, config.patchSize()); // (B, 3, T, H, W)
  }
}
