package ai.kinora.vae;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a {@link VideoVae}. Frames enter through a lossless p x p space-to-depth (the
 * "patch"), then pass resolution levels whose transitions halve space, the last two halving time as
 * well; so space shrinks 8x in all (p times 2^(levels - 1) = 8) and 1 + 4k frames become 1 + k
 * latent frames. The decoder mirrors the encoder and ends with depth-to-space.
 *
 * @param latentChannels channels of the latent (8 to 16 for Kinora's models)
 * @param patchSize the space-to-depth factor p at both ends: 1 (4 levels) or 2 (3 levels)
 * @param channels channel width of each level, highest resolution first
 * @param encoderBlocks residual blocks of the encoder at each level, highest resolution first
 * @param decoderBlocks residual blocks of the decoder at each level, highest resolution first
 * @param spatialOnlyLevels how many levels, from the highest resolution down, use per-frame 1x3x3
 *     convolutions instead of 3x3x3 (the temporal transitions themselves always mix time)
 * @param groups GroupNorm groups (must divide every channel width)
 */
public record VaeConfig(
    int latentChannels,
    int patchSize,
    List<Integer> channels,
    List<Integer> encoderBlocks,
    List<Integer> decoderBlocks,
    int spatialOnlyLevels,
    int groups) {

  /** Spatial compression per side. */
  public static final int SPATIAL_FACTOR = 8;

  /** Temporal compression: 1 + 4k frames to 1 + k latent frames. */
  public static final int TEMPORAL_FACTOR = 4;

  public VaeConfig {
    channels = List.copyOf(channels);
    encoderBlocks = List.copyOf(encoderBlocks);
    decoderBlocks = List.copyOf(decoderBlocks);
    if (latentChannels < 1 || latentChannels > 64) {
      throw new IllegalArgumentException("latent channels must be 1..64, got " + latentChannels);
    }
    if (patchSize != 1 && patchSize != 2) {
      throw new IllegalArgumentException("patch size must be 1 or 2, got " + patchSize);
    }
    int levels = levelsFor(patchSize);
    if (channels.size() != levels
        || encoderBlocks.size() != levels
        || decoderBlocks.size() != levels) {
      throw new IllegalArgumentException(
          "patch size "
              + patchSize
              + " needs "
              + levels
              + " levels: one channel width and block count each, got "
              + channels
              + ", "
              + encoderBlocks
              + ", "
              + decoderBlocks);
    }
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be positive, got " + groups);
    }
    for (int level = 0; level < levels; level++) {
      int c = channels.get(level);
      if (c < 1 || c % groups != 0) {
        throw new IllegalArgumentException(
            "level " + level + " has " + c + " channels, not a positive multiple of " + groups);
      }
      if (encoderBlocks.get(level) < 0 || decoderBlocks.get(level) < 0) {
        throw new IllegalArgumentException("block counts must be >= 0, got level " + level);
      }
    }
    if (spatialOnlyLevels < 0 || spatialOnlyLevels >= levels) {
      throw new IllegalArgumentException(
          "spatialOnlyLevels must be 0.." + (levels - 1) + ", got " + spatialOnlyLevels);
    }
  }

  /** Seconds-fast test model: about 40 thousand parameters. */
  public static final VaeConfig TINY =
      new VaeConfig(8, 2, List.of(8, 16, 16), List.of(1, 1, 1), List.of(1, 1, 1), 1, 4);

  /**
   * The shipped model: 2x2 space-to-depth at both ends, so no convolution runs at full resolution;
   * narrow and per-frame at half resolution, wide and 3D at the latent grid, where time is
   * modelled. The decoder is heavier than the encoder at the lower levels.
   */
  public static final VaeConfig DEFAULT =
      new VaeConfig(16, 2, List.of(32, 64, 128), List.of(1, 1, 1), List.of(1, 2, 2), 1, 8);

  /**
   * The wider candidate DEFAULT was measured against (48 and 96 channels at the upper levels):
   * slower to train and about twice as slow to decode; see docs/vae.md.
   */
  public static final VaeConfig WIDE =
      new VaeConfig(16, 2, List.of(48, 96, 128), List.of(1, 1, 1), List.of(1, 1, 2), 1, 8);

  /** The named presets, for the command line. */
  public static VaeConfig preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> TINY;
      case "default" -> DEFAULT;
      case "wide" -> WIDE;
      default ->
          throw new IllegalArgumentException(
              "unknown VAE preset \"" + name + "\"; choose default, wide or tiny");
    };
  }

  /** The same shape with {@code channels} latent channels. */
  public VaeConfig withLatentChannels(int channels) {
    return new VaeConfig(
        channels,
        patchSize,
        this.channels,
        encoderBlocks,
        decoderBlocks,
        spatialOnlyLevels,
        groups);
  }

  /** Number of resolution levels. */
  public int levels() {
    return channels.size();
  }

  /** Convolution kernel length in time at {@code level}: 1 for per-frame levels, else 3. */
  public int kernelT(int level) {
    return level < spatialOnlyLevels ? 1 : 3;
  }

  /** Whether the transition from {@code level} to {@code level + 1} halves time too. */
  public boolean halvesTime(int level) {
    return level >= levels() - 3;
  }

  /** Latent frames for {@code frames} input frames (which must be 1 + 4k). */
  public static int latentFrames(int frames) {
    if (frames < 1 || (frames - 1) % TEMPORAL_FACTOR != 0) {
      throw new IllegalArgumentException(
          "a clip for the VAE has 1 + 4k frames (1, 5, 9, ...), got " + frames);
    }
    return (frames - 1) / TEMPORAL_FACTOR + 1;
  }

  /** Frames decoded from {@code latentFrames} latent frames: 1 + 4(k). */
  public static int videoFrames(int latentFrames) {
    if (latentFrames < 1) {
      throw new IllegalArgumentException("need at least one latent frame, got " + latentFrames);
    }
    return (latentFrames - 1) * TEMPORAL_FACTOR + 1;
  }

  private static int levelsFor(int patchSize) {
    return patchSize == 1 ? 4 : 3;
  }
}
