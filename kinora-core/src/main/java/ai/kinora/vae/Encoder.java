package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.kinora.nn.CausalCache;
import ai.kinora.nn.CausalConv3d;
import ai.kinora.nn.CausalLayer;
import ai.kinora.nn.Downsample;
import ai.kinora.nn.GroupNorm;
import ai.kinora.nn.Namespace;
import ai.kinora.nn.PixelShuffle;
import ai.kinora.nn.ResBlock3d;
import java.util.ArrayList;
import java.util.List;

/**
 * The VAE's encoder: space-to-depth, a causal convolution, residual blocks at each level with a
 * strided causal downsample between levels, then GroupNorm, SiLU and a convolution to the
 * posterior's mean and log-variance (the layout of the Stable Diffusion / LTX-Video VAE encoders,
 * causal in time throughout).
 */
final class Encoder {

  private static final double EPS = 1e-6;

  private final VaeConfig config;
  private final CausalConv3d convIn;
  private final List<List<ResBlock3d>> blocks = new ArrayList<>(); // per level
  private final List<Downsample> downs = new ArrayList<>(); // between levels
  private final GroupNorm normOut;
  private final CausalConv3d convOut;

  Encoder(Namespace ns, VaeConfig config) {
    this.config = config;
    int p = config.patchSize();
    int width = config.channels().get(0);
    this.convIn =
        new CausalConv3d(
            ns.child("conv_in"),
            new CausalConv3d.Config(3 * p * p, width, config.kernelT(0), 3, 1, 1));
    for (int level = 0; level < config.levels(); level++) {
      Namespace at = ns.child("levels").child(level);
      int out = config.channels().get(level);
      List<ResBlock3d> levelBlocks = new ArrayList<>();
      for (int b = 0; b < config.encoderBlocks().get(level); b++) {
        levelBlocks.add(
            new ResBlock3d(
                at.child("blocks").child(b), width, out, config.groups(), config.kernelT(level)));
        width = out;
      }
      blocks.add(levelBlocks);
      if (level + 1 < config.levels()) {
        boolean time = config.halvesTime(level);
        downs.add(
            new Downsample(at.child("down"), width, time, true, time ? 3 : config.kernelT(level)));
      }
    }
    int last = config.levels() - 1;
    if (width != config.channels().get(last)) {
      throw new IllegalArgumentException(
          "the encoder's deepest level needs at least one block to reach its width: " + config);
    }
    this.normOut = new GroupNorm(ns.child("norm_out"), config.groups(), width, EPS);
    this.convOut =
        new CausalConv3d(
            ns.child("conv_out"),
            new CausalConv3d.Config(
                width, 2 * config.latentChannels(), config.kernelT(last), 3, 1, 1));
  }

  /** Video (B, 3, T, H, W) in [-1, 1] to moments (B, 2L, T', H/8, W/8): mean, then log-variance. */
  NDArray forward(NDArray video) {
    return run(video, null);
  }

  /** One chunk of a clip, continuing from {@code cache} (see {@link CausalCache}). */
  NDArray forward(NDArray video, CausalCache cache) {
    return run(video, cache);
  }

  private NDArray run(NDArray video, CausalCache cache) {
    NDArray h = PixelShuffle.spaceToDepth(video, config.patchSize()); // (B, 3p^2, T, H/p, W/p)
    h = CausalLayer.apply(convIn, h, cache); // (B, C0, T, H/p, W/p)
    for (int level = 0; level < config.levels(); level++) {
      for (ResBlock3d block : blocks.get(level)) {
        h = CausalLayer.apply(block, h, cache); // (B, C_level, T_level, H_level, W_level)
      }
      if (level < downs.size()) {
        h = CausalLayer.apply(downs.get(level), h, cache); // (B, C_level, T', H_level/2, W_level/2)
      }
    }
    h = normOut.forwardSilu(h); // (B, C_last, T', H/8, W/8)
    return CausalLayer.apply(convOut, h, cache); // (B, 2L, T', H/8, W/8)
  }
}
