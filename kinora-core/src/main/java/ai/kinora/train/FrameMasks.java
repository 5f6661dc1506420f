package ai.kinora.train;

import java.util.SplittableRandom;

/**
 * The random frame-conditioning masks of training, so that one model learns to generate from text
 * alone, animate a first frame, extend forwards (first k frames given) and backwards (last frames
 * given), connect (first and last given) and follow keyframes (random frames given). A pure
 * function of the generator; a mask never holds every frame, and an image (one frame) is never
 * conditioned.
 *
 * @param none weight of text-only samples
 * @param first weight of "first latent frame given" (image-to-video)
 * @param firstFrames weight of "first k frames given", k uniform in [1, T-1] (extension forwards)
 * @param lastFrames weight of "last k frames given", k uniform in [1, T-1] (extension backwards)
 * @param firstAndLast weight of "first and last frame given" (connecting, loops)
 * @param random weight of "k random frames given", k uniform in [1, T-1] (keyframes)
 */
public record FrameMasks(
    double none,
    double first,
    double firstFrames,
    double lastFrames,
    double firstAndLast,
    double random) {

  public FrameMasks {
    double[] w = {none, first, firstFrames, lastFrames, firstAndLast, random};
    double total = 0;
    for (double x : w) {
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("mask weights must be finite and >= 0");
      }
      total += x;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("at least one mask weight must be positive");
    }
  }

  /** Half text-only, the rest spread over the conditioned tasks, image-to-video first. */
  public static final FrameMasks DEFAULT = new FrameMasks(0.5, 0.15, 0.1, 0.1, 0.1, 0.05);

  /** Text-only training. */
  public static final FrameMasks NONE = new FrameMasks(1, 0, 0, 0, 0, 0);

  /**
   * A mask over {@code latentFrames} latent frames (true = held clean), drawn in whole temporal
   * patches of {@code temporalPatch} frames (latentFrames must be a multiple).
   */
  public boolean[] sample(int latentFrames, int temporalPatch, SplittableRandom rng) {
    if (temporalPatch < 1 || latentFrames < 1 || latentFrames % temporalPatch != 0) {
      throw new IllegalArgumentException(
          latentFrames + " latent frames are not whole temporal patches of " + temporalPatch);
    }
    int groups = latentFrames / temporalPatch;
    boolean[] held = new boolean[groups];
    double[] w = {none, first, firstFrames, lastFrames, firstAndLast, random};
    int kind = pick(w, rng); // always drawn, so the generator advances alike for images
    if (groups > 1) {
      switch (kind) {
        case 1 -> held[0] = true;
        case 2 -> fill(held, 0, 1 + rng.nextInt(groups - 1));
        case 3 -> fill(held, groups - 1 - rng.nextInt(groups - 1), groups);
        case 4 -> {
          held[0] = true;
          held[groups - 1] = groups > 2; // with two frames, holding both would leave nothing
        }
        case 5 -> {
          int k = 1 + rng.nextInt(groups - 1);
          for (int chosen = 0; chosen < k; ) {
            int g = rng.nextInt(groups);
            if (!held[g]) {
              held[g] = true;
              chosen++;
            }
          }
        }
        default -> {}
      }
    }
    boolean[] frames = new boolean[latentFrames];
    for (int i = 0; i < latentFrames; i++) {
      frames[i] = held[i / temporalPatch];
    }
    return frames;
  }

  private static int pick(double[] weights, SplittableRandom rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static void fill(boolean[] held, int from, int to) {
    for (int i = from; i < to; i++) {
      held[i] = true;
    }
  }
}
