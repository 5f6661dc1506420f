package ai.kinora.media;

import java.util.List;

/**
 * Encoder settings for {@link VideoWriter}: quality and speed of the H.264 (MP4) and VP9 (WebM)
 * encoders. GIF and PNG take no settings (PNG is lossless; GIF's palette is computed from the
 * clip).
 *
 * <p>Both encoders run in constant-quality mode: the file is as large as the picture needs.
 *
 * @param crf H.264 constant rate factor, 0 (lossless) to 51 (worst). 18 is visually lossless for
 *     Kinora's flat-colour clips; each +6 roughly halves the file size
 * @param preset x264 speed preset, {@code ultrafast} to {@code placebo}; slower presets give
 *     smaller files at the same quality, never better pictures
 * @param vp9Crf VP9 constant quality, 0 (best) to 63 (worst); on Kinora's flat-colour clips 28
 *     gives a mean error of about 1.8 levels, close to H.264 at crf 18 (about 2.1)
 * @param vp9Speed libvpx {@code cpu-used}, 0 (slowest, smallest) to 8 (fastest)
 */
public record EncodeOptions(int crf, String preset, int vp9Crf, int vp9Speed) {

  /** The x264 presets, fastest first. */
  public static final List<String> PRESETS =
      List.of(
          "ultrafast",
          "superfast",
          "veryfast",
          "faster",
          "fast",
          "medium",
          "slow",
          "slower",
          "veryslow",
          "placebo");

  /** crf 18, preset medium, VP9 crf 28 at speed 4. */
  public static final EncodeOptions DEFAULT = new EncodeOptions(18, "medium", 28, 4);

  public EncodeOptions {
    if (crf < 0 || crf > 51) {
      throw new IllegalArgumentException("H.264 crf must be 0..51, got " + crf);
    }
    if (preset == null || !PRESETS.contains(preset)) {
      throw new IllegalArgumentException(
          "x264 preset must be one of " + String.join(", ", PRESETS) + "; got " + preset);
    }
    if (vp9Crf < 0 || vp9Crf > 63) {
      throw new IllegalArgumentException("VP9 crf must be 0..63, got " + vp9Crf);
    }
    if (vp9Speed < 0 || vp9Speed > 8) {
      throw new IllegalArgumentException("VP9 speed (cpu-used) must be 0..8, got " + vp9Speed);
    }
  }

  /** The defaults: {@link #DEFAULT}. */
  public static EncodeOptions defaults() {
    return DEFAULT;
  }

  public EncodeOptions withCrf(int crf) {
    return new EncodeOptions(crf, preset, vp9Crf, vp9Speed);
  }

  public EncodeOptions withPreset(String preset) {
    return new EncodeOptions(crf, preset, vp9Crf, vp9Speed);
  }

  public EncodeOptions withVp9Crf(int vp9Crf) {
    return new EncodeOptions(crf, preset, vp9Crf, vp9Speed);
  }

  public EncodeOptions withVp9Speed(int vp9Speed) {
    return new EncodeOptions(crf, preset, vp9Crf, vp9Speed);
  }
}
