package ai.kinora.dit;

import ai.kinora.nn.Rope3d;
import ai.kinora.patch.Patchifier;

/**
 * The shape of a {@link DiffusionTransformer}.
 *
 * @param width token width D
 * @param depth number of {@link DitBlock}s
 * @param heads attention heads; the head dim D / heads is split over (t, y, x) for 3D rotary
 *     positions, so it must be even and at least 8
 * @param mlpRatio hidden width of each MLP as a multiple of D
 * @param patch the spacetime patch (pt, ph, pw) over latents
 * @param latentChannels channels of the VAE latents
 * @param textWidth width of the text encoder's tokens
 * @param maxTextLength the most text tokens a prompt brings (the text encoder's max length)
 * @param framePositions whether tokens also learn where they sit in their frame (sinusoids of the
 *     relative position (y + 0.5) / H, (x + 0.5) / W, and a first-latent-frame flag, added to the
 *     patch embedding); rotary positions alone are relative, and without this a model trained from
 *     scratch hardly learns where its frame's edges are (see docs/dit-notes.md)
 * @param timePositions whether tokens also learn how far into the clip they are (sinusoids of the
 *     latent frame's index counted from the grid's first, added to the patch embedding by a layer
 *     that starts at zero); rotary positions only tell how far apart two tokens are, and an
 *     object's place at time t depends on t itself (see docs/dit-notes.md)
 */
public record DitConfig(
    int width,
    int depth,
    int heads,
    int mlpRatio,
    Patchifier patch,
    int latentChannels,
    int textWidth,
    int maxTextLength,
    boolean framePositions,
    boolean timePositions) {

  /** A config with frame positions, as every preset has, and no time positions. */
  public DitConfig(
      int width,
      int depth,
      int heads,
      int mlpRatio,
      Patchifier patch,
      int latentChannels,
      int textWidth,
      int maxTextLength) {
    this(
        width,
        depth,
        heads,
        mlpRatio,
        patch,
        latentChannels,
        textWidth,
        maxTextLength,
        true,
        false);
  }

  /** This config with or without time positions. */
  public DitConfig withTimePositions(boolean on) {
    return new DitConfig(
        width,
        depth,
        heads,
        mlpRatio,
        patch,
        latentChannels,
        textWidth,
        maxTextLength,
        framePositions,
        on);
  }

  public DitConfig {
    if (width <= 0 || depth <= 0 || heads <= 0 || width % heads != 0) {
      throw new IllegalArgumentException(
          "DiT needs width and depth > 0 and width divisible by heads, got width "
              + width
              + ", depth "
              + depth
              + ", heads "
              + heads);
    }
    Rope3d.Axes.split(width / heads); // validates the head dim for 3D rotary positions
    if (mlpRatio < 1 || latentChannels < 1 || textWidth < 1 || maxTextLength < 1) {
      throw new IllegalArgumentException(
          "DiT needs mlp ratio, latent channels, text width and text length >= 1");
    }
    if (patch == null) {
      throw new IllegalArgumentException("DiT needs a patch size");
    }
  }

  /** Seconds-fast tests: 2 blocks of width 32, 4 latent channels. */
  public static final DitConfig TINY =
      new DitConfig(32, 2, 2, 4, new Patchifier(1, 2, 2), 4, 32, 32);

  /**
   * The shipped model's shape (which itself predates time positions: its config.json says so),
   * sized for a 4 s 128x128 clip (9 x 16 x 16 latents, 576 tokens) denoised faster than real time
   * on a 2-core CPU; see DenoisingBenchmark and docs/dit-notes.md.
   */
  public static final DitConfig DEFAULT =
      new DitConfig(192, 8, 4, 4, new Patchifier(1, 2, 2), 16, 128, 128).withTimePositions(true);

  /** For bigger machines. Presets for new runs have time positions (docs/dit-notes.md). */
  public static final DitConfig LARGE =
      new DitConfig(512, 16, 8, 4, new Patchifier(1, 2, 2), 16, 256, 192).withTimePositions(true);

  public int headDim() {
    return width / heads;
  }

  /** Values per token: latent channels times the patch volume. */
  public int tokenSize() {
    return patch.tokenSize(latentChannels);
  }
}
