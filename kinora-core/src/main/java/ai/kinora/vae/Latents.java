package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One clip's normalised latents, (L, T', h, w) in a plain array (so they outlive any tensor scope),
 * with the size and length of the video they stand for: decoding gives back exactly {@code
 * videoFrames} frames of {@code videoWidth x videoHeight} (see {@link VideoTensors} for the padding
 * rules that make any clip fit).
 */
public record Latents(
    float[] values,
    int channels,
    int frames,
    int height,
    int width,
    int videoFrames,
    int videoWidth,
    int videoHeight) {

  public Latents {
    if (channels < 1 || frames < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "latent dimensions must be positive: "
              + channels
              + "x"
              + frames
              + "x"
              + height
              + "x"
              + width);
    }
    if ((long) channels * frames * height * width != values.length) {
      throw new IllegalArgumentException(
          "latents of "
              + channels
              + "x"
              + frames
              + "x"
              + height
              + "x"
              + width
              + " need "
              + (long) channels * frames * height * width
              + " values, got "
              + values.length);
    }
    int f = VaeConfig.SPATIAL_FACTOR;
    if (videoFrames < 1
        || videoFrames > VaeConfig.videoFrames(frames)
        || videoWidth < 1
        || videoWidth > width * f
        || videoHeight < 1
        || videoHeight > height * f) {
      throw new IllegalArgumentException(
          "a video of "
              + videoFrames
              + " frames of "
              + videoWidth
              + "x"
              + videoHeight
              + " does not fit latents of "
              + frames
              + " frames of "
              + width
              + "x"
              + height);
    }
  }

  /** Latents that stand for the full video they decode to (e.g. ones a generator made). */
  public static Latents of(float[] values, int channels, int frames, int height, int width) {
    int f = VaeConfig.SPATIAL_FACTOR;
    return new Latents(
        values,
        channels,
        frames,
        height,
        width,
        VaeConfig.videoFrames(frames),
        width * f,
        height * f);
  }

  /** Latents from a (1, L, T', h, w) tensor, standing for the full video. */
  public static Latents of(NDArray latents) {
    Shape s = latents.getShape();
    if (s.dimension() != 5 || s.get(0) != 1) {
      throw new IllegalArgumentException("need latents (1, L, T', h, w), got " + s);
    }
    return of(
        latents.toFloatArray(), (int) s.get(1), (int) s.get(2), (int) s.get(3), (int) s.get(4));
  }

  /**
   * Latent frames {@code from} (inclusive) to {@code to} (exclusive) as (1, L, to - from, h, w).
   */
  public NDArray toArray(NDManager manager, int from, int to) {
    if (from < 0 || to > frames || from >= to) {
      throw new IllegalArgumentException("latent frames " + from + ".." + to + " of " + frames);
    }
    int plane = height * width;
    int n = to - from;
    float[] part = new float[channels * n * plane];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(values, (c * frames + from) * plane, part, c * n * plane, n * plane);
    }
    return manager.create(part, new Shape(1, channels, n, height, width)); // (1, L, n, h, w)
  }

  /** All latent frames as (1, L, T', h, w). */
  public NDArray toArray(NDManager manager) {
    return toArray(manager, 0, frames);
  }
}
